using Enforcer.Hosting.Logging;
using Enforcer.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Enforcer.Hosting;

/// <summary>What every function host shares: logging in Cloud Logging's format, $PORT, trace scopes, health.</summary>
public static class FunctionHost
{
    /// <summary>Creates a slim web builder configured the way Cloud Run expects.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string functionName)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddSingleton(new FunctionIdentity(functionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEnforcerTelemetry(builder.Configuration, functionName);

        builder.Logging.ClearProviders();
        // Per-request framework chatter would drown the one structured line each delivery writes.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("K_SERVICE")))
        {
            builder.Logging.AddConsole(o => o.FormatterName = CloudLoggingConsoleFormatter.FormatterName);
            // Registered directly rather than through AddConsoleFormatter, whose options binding is not AOT-safe.
            builder.Services.AddSingleton<ConsoleFormatter, CloudLoggingConsoleFormatter>();
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        var port = Environment.GetEnvironmentVariable("PORT");
        if (!string.IsNullOrEmpty(port) && string.IsNullOrEmpty(builder.Configuration["urls"]) && int.TryParse(port, out var portNumber))
        {
            builder.WebHost.UseUrls($"http://0.0.0.0:{portNumber}");
        }

        return builder;
    }

    /// <summary>Adds the trace scope middleware, health endpoints and /metrics.</summary>
    public static WebApplication UseFunctionDefaults(this WebApplication app)
    {
        var projectId = Environment.GetEnvironmentVariable("GOOGLE_CLOUD_PROJECT");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Enforcer.Request");
        app.Use(async (context, next) =>
        {
            var (traceId, spanId) = TraceContext.Extract(context.Request.Headers);
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (TraceContext.ToLoggingTrace(traceId, projectId) is { } trace)
            {
                scope[CloudLoggingConsoleFormatter.TraceKey] = trace;
            }

            if (spanId is not null)
            {
                scope[CloudLoggingConsoleFormatter.SpanKey] = spanId;
            }

            using (scope.Count > 0 ? logger.BeginScope(scope) : null)
            {
                await next(context).ConfigureAwait(false);
            }
        });

        var identity = app.Services.GetRequiredService<FunctionIdentity>();
        // Cloud Run's front end reserves some paths ending in 'z'; /health is the alias that always reaches us.
        RequestDelegate health = context => Results.Json(new HealthResponse("ok", identity.Name), HostingJsonContext.Default.HealthResponse).ExecuteAsync(context);
        app.MapGet("/healthz", health);
        app.MapGet("/health", health);
        app.MapMetrics();
        return app;
    }
}
