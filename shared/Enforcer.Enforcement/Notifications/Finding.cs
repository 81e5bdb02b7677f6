namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// One decision as other tools see it: what Evaluate publishes to the findings topic and what the Slack notifier
/// formats. Every decision becomes a finding (compliant ones included), so subscribers can keep their own state.
/// </summary>
/// <param name="EventId">The event that led to the evaluation (sweeps included).</param>
/// <param name="EvaluatedAt">When the decision was taken.</param>
/// <param name="ResourceName">Full (CAI) resource name.</param>
/// <param name="AssetType">CAI asset type.</param>
/// <param name="ProjectId">Project id, when known.</param>
/// <param name="PolicyId">The policy.</param>
/// <param name="Title">The policy's short title.</param>
/// <param name="Severity">LOW, MEDIUM, HIGH or CRITICAL.</param>
/// <param name="Compliant">The policy's verdict.</param>
/// <param name="Excluded">True when an exclusion covers the resource.</param>
/// <param name="Action">record, notify, remediate, remediate-dry-run, or resolved (resource deleted).</param>
/// <param name="Reasons">Why the decision was taken, in order.</param>
/// <param name="Message">The policy's violation message (empty when compliant).</param>
/// <param name="RemediationRequestId">The published remediation request, when there is one.</param>
/// <param name="Principal">Who made the change, when the event is an audit log.</param>
public sealed record Finding(
    string EventId,
    DateTimeOffset EvaluatedAt,
    string ResourceName,
    string AssetType,
    string? ProjectId,
    string PolicyId,
    string Title,
    string Severity,
    bool Compliant,
    bool Excluded,
    string Action,
    IReadOnlyList<string> Reasons,
    string Message,
    string? RemediationRequestId,
    string? Principal)
{
    /// <summary>True for violations (not compliant, not excluded).</summary>
    public bool IsViolation => !Compliant && !Excluded && Action != "resolved";
}
