using Enforcer.Core.Requests;

namespace Enforcer.Core.Sweep;

/// <summary>Publishes evaluation requests to the topic audit events arrive on (Pub/Sub in production).</summary>
public interface IEvaluationRequestPublisher
{
    /// <summary>Publishes one request; throws only for failures the caller should retry.</summary>
    ValueTask PublishAsync(EvaluationRequest request, CancellationToken cancellationToken);
}
