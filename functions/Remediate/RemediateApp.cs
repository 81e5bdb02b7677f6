using Enforcer.Enforcement.Composition;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;
using Enforcer.Hosting.Storage;

namespace Enforcer.Functions.Remediate;

/// <summary>
/// The Remediate function's composition, reusable by any host (see EvaluateApp): the configure callback runs
/// first, so what it registers wins over the defaults.
/// </summary>
public static class RemediateApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = FunctionHost.CreateBuilder(args, "remediate");
        configure?.Invoke(builder);
        builder.Services.AddInboundDecoder(PayloadShapes.Remediate);
        builder.Services.AddEnforcerStore(builder.Configuration);
        builder.Services.AddRemediate(builder.Configuration);

        var app = builder.Build();
        app.UseFunctionDefaults();
        app.MapEventEndpoint();
        return app;
    }
}
