using Enforcer.Enforcement.Composition;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;

namespace Enforcer.Functions.Evaluate;

/// <summary>
/// The Evaluate function's composition, reusable by any host: Program.cs runs it alone; the CLI's <c>serve</c> runs it
/// next to the other functions in one process. The configure callback runs first, so what it registers wins.
/// </summary>
public static class EvaluateApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        EventFunctionApp.Build(args, "evaluate", PayloadShapes.Evaluate, (services, configuration) => services.AddEvaluate(configuration), configure);
}
