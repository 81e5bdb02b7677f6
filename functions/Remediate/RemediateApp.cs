using Enforcer.Enforcement.Composition;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;

namespace Enforcer.Functions.Remediate;

/// <summary>The Remediate function's composition, reusable by any host (see EvaluateApp).</summary>
public static class RemediateApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        EventFunctionApp.Build(args, "remediate", PayloadShapes.Remediate, (services, configuration) => services.AddRemediate(configuration), configure);
}
