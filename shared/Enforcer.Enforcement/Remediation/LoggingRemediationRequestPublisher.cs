using System.Text;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Remediation;

/// <summary>
/// Where remediation requests go when no topic is configured (local runs of the Evaluate host): a WARNING log line
/// with the request, so nothing is dropped silently. Deployments set ENFORCER_REMEDIATIONS_TOPIC.
/// </summary>
public sealed partial class LoggingRemediationRequestPublisher(ILogger<LoggingRemediationRequestPublisher> logger) : IRemediationRequestPublisher
{
    public ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        LogUnsent(logger, request.RequestId, request.PolicyId, request.ResourceName, Encoding.UTF8.GetString(request.ToUtf8Json()));
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No remediation topic (ENFORCER_REMEDIATIONS_TOPIC): request {RequestId} for {PolicyId} on {Resource} is not sent to Remediate: {Request}")]
    private static partial void LogUnsent(ILogger logger, string requestId, string policyId, string resource, string request);
}
