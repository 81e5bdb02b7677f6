using Enforcer.Google.PubSub;

namespace Enforcer.Enforcement.Remediation;

/// <summary>Publishes remediation requests to the remediation topic; attributes carry the ids for filtering and logs.</summary>
public sealed class PubSubRemediationRequestPublisher(PubSubPublisher publisher, string topic) : IRemediationRequestPublisher
{
    public async ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["request_id"] = request.RequestId,
            ["policy_id"] = request.PolicyId,
        };
        await publisher.PublishAsync(topic, new PubSubMessage(request.ToUtf8Json(), attributes), cancellationToken).ConfigureAwait(false);
    }
}
