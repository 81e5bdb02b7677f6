namespace Enforcer.Cli.Evaluation;

/// <summary>One policy's result on a resource and what the enforcer decided.</summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="Severity">LOW..CRITICAL (null for a violation resolved by a deletion).</param>
/// <param name="Result">compliant, violation, excluded, or resolved (the resource is gone).</param>
/// <param name="Decision">record, notify, remediate, remediate-dry-run, or resolved.</param>
/// <param name="Reasons">Why, in the order the rules applied.</param>
/// <param name="Violation">The violation's status afterwards (open, quarantined, resolved, ...), or null when there is none.</param>
/// <param name="Message">The policy's violation message.</param>
/// <param name="RequestId">The remediation request published, if any.</param>
/// <param name="Plan">The remediation plan's calls, for violations that have one.</param>
/// <param name="PlanError">Why the plan would be refused (not in the allowlist, names another resource).</param>
/// <param name="Remediation">With --enforce: what the remediation executor did.</param>
internal sealed record PolicyReport(
    string PolicyId,
    string? Severity,
    string Result,
    string Decision,
    IReadOnlyList<string> Reasons,
    string? Violation,
    string? Message,
    string? RequestId,
    IReadOnlyList<PlannedCallReport> Plan,
    string? PlanError,
    RemediationReport? Remediation);
