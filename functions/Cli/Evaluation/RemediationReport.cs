namespace Enforcer.Cli.Evaluation;

/// <summary>The remediation executor's record for a request: status, reason, whether a re-read verified it, and each step.</summary>
internal sealed record RemediationReport(string Outcome, string Status, string? Reason, bool? Verified, IReadOnlyList<RemediationStepReport> Steps);
