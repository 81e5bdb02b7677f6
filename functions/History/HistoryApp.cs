using Enforcer.Core.History;
using Enforcer.Hosting;
using Enforcer.Hosting.Auth;
using Enforcer.Hosting.Storage;

namespace Enforcer.Functions.History;

/// <summary>
/// The History function's composition: the read-only API over the store, caller checks, /policies and /config.
/// Program.cs runs it alone; other hosts (the CLI, tests) may reuse it. A configure callback runs first,
/// so what it registers wins. Misconfiguration (auth, page-token key, store) stops start-up with the variable's name.
/// </summary>
public static class HistoryApp
{
    /// <summary>The HMAC key of page tokens (at least 32 bytes); unset means a random key per process.</summary>
    public const string PageTokenKeyVariable = "ENFORCER_PAGE_TOKEN_KEY";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = FunctionHost.CreateBuilder(args, "history");
        configure?.Invoke(builder);
        var configuration = builder.Configuration;

        var (auth, authError) = CallerAuthOptions.FromConfiguration(configuration);
        var (tokens, keyError) = PageTokenCodec.FromConfiguration(configuration[PageTokenKeyVariable]);
        if ((authError ?? keyError) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        builder.Services.AddEnforcerStore(configuration);
        builder.Services.AddCallerAuthentication(auth!);
        builder.Services.AddSingleton(tokens!);
        builder.Services.AddSingleton<HistoryService>();
        builder.Services.AddSingleton(new PolicyEngineProvider(configuration));

        var app = builder.Build();
        app.UseFunctionDefaults();
        app.UseCallerAuthentication();
        app.MapHistoryApi();
        if (!tokens!.IsConfigured && !string.IsNullOrEmpty(configuration["K_SERVICE"]))
        {
            app.Logger.LogWarning("{Variable} is not set: page tokens only work on the instance that issued them (docs/api.md, page tokens)", PageTokenKeyVariable);
        }

        return app;
    }
}
