using Enforcer.Core.Processing;
using Enforcer.Enforcement.Remediation;

namespace Enforcer.Enforcement.Tests.Pipeline;

/// <summary>
/// The fastest possible push subscription: each published request is executed by Remediate before the publish call
/// returns, so the remediation finishes while Evaluate is still handling the event.
/// </summary>
internal sealed class ExecutingPublisher(RemediationExecutor executor) : IRemediationRequestPublisher
{
    private readonly List<ProcessingOutcome> _outcomes = [];

    public IReadOnlyList<ProcessingOutcome> Outcomes => _outcomes;

    public async ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken) =>
        _outcomes.Add(await executor.ExecuteAsync(request, "{}", cancellationToken));
}
