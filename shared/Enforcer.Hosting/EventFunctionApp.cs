using System.Text.Json;
using Enforcer.Hosting.Inbound;
using Enforcer.Hosting.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Hosting;

/// <summary>
/// The shape every event-driven function shares (Evaluate, Remediate): the function host, the inbound decoder for
/// the payloads it takes, the store, its own services, and POST / mapped to its <see cref="Core.Processing.IEventProcessor"/>.
/// </summary>
public static class EventFunctionApp
{
    /// <param name="args">Command-line arguments.</param>
    /// <param name="functionName">The function's name (health, logs, metrics).</param>
    /// <param name="payloadShape">The payload check run before any business code (see <see cref="PayloadShapes"/>).</param>
    /// <param name="addFunction">Registers the function's processor and what it needs.</param>
    /// <param name="configure">Runs first, so what it registers (an in-process publisher, a shared store) wins over the defaults.</param>
    public static WebApplication Build(
        string[] args,
        string functionName,
        Func<JsonElement, string?> payloadShape,
        Action<IServiceCollection, IConfiguration> addFunction,
        Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(addFunction);
        var builder = FunctionHost.CreateBuilder(args, functionName);
        configure?.Invoke(builder);
        builder.Services.AddInboundDecoder(payloadShape);
        builder.Services.AddEnforcerStore(builder.Configuration);
        addFunction(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseFunctionDefaults();
        app.MapEventEndpoint();
        return app;
    }
}
