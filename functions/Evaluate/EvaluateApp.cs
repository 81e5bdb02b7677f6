using Enforcer.Enforcement.Composition;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;
using Enforcer.Hosting.Storage;

namespace Enforcer.Functions.Evaluate;

/// <summary>
/// The Evaluate function's composition, reusable by any host: Program.cs runs it alone; the CLI's <c>serve</c> runs it
/// next to the other functions in one process. the configure callback runs first, so what it registers (an
/// in-process remediation publisher, a store) wins over the defaults.
/// </summary>
public static class EvaluateApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = FunctionHost.CreateBuilder(args, "evaluate");
        configure?.Invoke(builder);
        builder.Services.AddInboundDecoder(PayloadShapes.Evaluate);
        builder.Services.AddEnforcerStore(builder.Configuration);
        builder.Services.AddEvaluate(builder.Configuration);

        var app = builder.Build();
        app.UseFunctionDefaults();
        app.MapEventEndpoint();
        return app;
    }
}
