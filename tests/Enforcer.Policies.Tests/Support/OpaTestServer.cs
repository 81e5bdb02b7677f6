using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Enforcer.Policies.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcer.Policies.Tests.Support;

/// <summary>
/// A stand-in for <c>opa run --server</c> built on the embedded engine, served by Kestrel on 127.0.0.1 (random port):
/// POST <c>/v1/data/{path}</c> with <c>{"input": ...}</c> answers <c>{"result": ...}</c>, or <c>{}</c> when the
/// document is undefined; GET does the same without input; GET <c>/health</c> answers <c>{}</c>. Faults queued with
/// <see cref="Enqueue"/> replace the next answers, to test the client's retries and error handling.
/// </summary>
public sealed class OpaTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ServerFault> _faults = new();
    private int _requests;

    private OpaTestServer(WebApplication app, EmbeddedPolicyEngine engine)
    {
        _app = app;
        Engine = engine;
    }

    public EmbeddedPolicyEngine Engine { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests received on the data API so far.</summary>
    public int DataRequests => Volatile.Read(ref _requests);

    public static async Task<OpaTestServer> StartAsync(EmbeddedPolicyEngine engine)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpaTestServer(app, engine);
        app.MapGet("/health", () => Results.Text("{}", "application/json"));
        app.MapMethods("/v1/data/{**path}", ["GET", "POST"], server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Makes the next data request fail as described (faults are used once each, in order).</summary>
    public void Enqueue(ServerFault fault) => _faults.Enqueue(fault);

    public void ClearFaults() => _faults.Clear();

    private async Task HandleAsync(HttpContext context, string? path)
    {
        Interlocked.Increment(ref _requests);
        if (_faults.TryDequeue(out var fault))
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (fault.Status is { } status)
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(fault.Body ?? "{\"code\":\"internal_error\",\"message\":\"injected\"}");
                return;
            }
        }

        byte[] input = [];
        if (HttpMethods.IsPost(context.Request.Method))
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("input", out var i))
            {
                input = Encoding.UTF8.GetBytes(i.GetRawText());
            }
        }

        var result = Engine.EvaluateData((path ?? string.Empty).Replace('/', '.'), input);
        context.Response.ContentType = "application/json";
        if (result.Error is not null)
        {
            context.Response.StatusCode = 500;
            var message = JsonSerializer.Serialize(result.Error, TestJsonContext.Default.String);
            await context.Response.WriteAsync("{\"code\":\"internal_error\",\"message\":" + message + "}");
            return;
        }

        await context.Response.WriteAsync(result.Json is null ? "{}" : "{\"result\":" + result.Json + "}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
