namespace Enforcer.Enforcement.Remediation;

/// <summary>Sends remediation requests to Remediate (Pub/Sub in production).</summary>
public interface IRemediationRequestPublisher
{
    /// <summary>Publishes one request; throws only for failures worth retrying (the event is then redelivered).</summary>
    ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken);
}
