using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Remediation;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Pipeline;

/// <summary>One policy's result on a resource, the decision taken, and the remediation request published for it.</summary>
/// <param name="Result">The policy engine's verdict (null for a violation resolved because the resource was deleted).</param>
/// <param name="Decision">The decision (null for a deleted resource).</param>
/// <param name="Request">The remediation request, when the decision was to remediate.</param>
/// <param name="PolicyId">The policy.</param>
/// <param name="ViolationStatus">The violation's status after this evaluation (open, quarantined, remediated, excluded, resolved), or null when there is none.</param>
public sealed record DecidedPolicy(PolicyDecision? Result, Decision? Decision, RemediationRequest? Request, string PolicyId, string? ViolationStatus);
