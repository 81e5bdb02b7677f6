using Enforcer.Core.Processing;
using Enforcer.Hosting.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enforcer.Hosting;

/// <summary>
/// The POST endpoint every event-driven function exposes: decode and validate the delivery, hand it to
/// the function's <see cref="IEventProcessor"/>, and map the outcome to the status the platform needs
/// (2xx acknowledges, 5xx asks for redelivery, 4xx refuses garbage before business code runs).
/// </summary>
public static class EventEndpoint
{
    public static IEndpointConventionBuilder MapEventEndpoint(this IEndpointRouteBuilder app, string pattern = "/")
    {
        // Any other method on the same path gets the same one-line JSON reason as every other refusal,
        // instead of routing's bodiless 405. Order 1 keeps POST on the endpoint below.
        app.Map(pattern, context =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            var reason = $"method {ReasonText.OneLine(context.Request.Method)} is not allowed; events are POSTed";
            return Results.Json(new ErrorResponse(reason), HostingJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status405MethodNotAllowed).ExecuteAsync(context);
        }).WithOrder(1);

        return app.MapPost(pattern, async context =>
        {
            var result = await HandleAsync(context).ConfigureAwait(false);
            await result.ExecuteAsync(context).ConfigureAwait(false);
        });
    }

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var decoder = services.GetRequiredService<InboundRequestDecoder>();
        var processor = services.GetRequiredService<IEventProcessor>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Enforcer.Events");
        var cancellationToken = context.RequestAborted;
        var decoded = await decoder.DecodeAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!decoded.IsAccepted)
        {
            logger.LogWarning("Rejected delivery with {Status}: {Reason}", decoded.StatusCode, decoded.Reason);
            return Results.Json(new ErrorResponse(decoded.Reason!), HostingJsonContext.Default.ErrorResponse, statusCode: decoded.StatusCode);
        }

        var message = decoded.Message!;
        var envelope = new EventEnvelope(message.Payload, message.DeliveryId, message.PublishTime, message.Attributes, message.Kind.ToString());
        ProcessingOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Delivery {DeliveryId} cancelled by the caller", message.DeliveryId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex)
        {
            // Unexpected: let the platform redeliver (bounded by the subscription's dead-letter policy).
            logger.LogError(ex, "Delivery {DeliveryId} failed unexpectedly", message.DeliveryId);
            return Results.Json(new ErrorResponse("internal error"), HostingJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status500InternalServerError);
        }

        var status = outcome.Status == ProcessingStatus.Transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        var level = outcome.Status switch
        {
            ProcessingStatus.Completed or ProcessingStatus.Ignored => LogLevel.Information,
            _ => LogLevel.Warning,
        };
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "Delivery {DeliveryId} via {Transport}: {Outcome} ({Detail})", message.DeliveryId, envelope.Transport, outcome.Status, outcome.Detail);
        }

        return Results.Json(
            new EventResponse(outcome.Status.ToString().ToLowerInvariant(), outcome.Detail, message.DeliveryId),
            HostingJsonContext.Default.EventResponse,
            statusCode: status);
    }

    /// <summary>Registers the decoder with the function's payload check.</summary>
    public static IServiceCollection AddInboundDecoder(this IServiceCollection services, Func<System.Text.Json.JsonElement, string?> validatePayload)
    {
        return services.AddSingleton(new InboundRequestDecoder(new InboundRequestDecoderOptions { ValidatePayload = validatePayload }));
    }
}
