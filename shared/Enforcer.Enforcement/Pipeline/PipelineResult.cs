using Enforcer.Core.Processing;
using Enforcer.Enforcement.Notifications;
using Enforcer.Enforcement.Remediation;

namespace Enforcer.Enforcement.Pipeline;

/// <summary>Everything Evaluate did with one delivery: the outcome the host answers with, and the details behind it.</summary>
/// <param name="EventId">The event's id in the store.</param>
/// <param name="Outcome">What the host answers (completed, ignored, permanent, transient).</param>
/// <param name="Duplicate">True when the event had already been processed to the end; nothing was done again.</param>
/// <param name="Resources">Per resource touched: what the read found and the decisions taken.</param>
/// <param name="Findings">Every decision, as sent to the finding sinks.</param>
/// <param name="Published">Remediation requests published to Remediate.</param>
public sealed record PipelineResult(
    string EventId,
    ProcessingOutcome Outcome,
    bool Duplicate,
    IReadOnlyList<ResourceResult> Resources,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RemediationRequest> Published);
