using System.Text.Json;

namespace Enforcer.Policies;

/// <summary>One policy's verdict on one resource (an element of <c>data.enforcer.decisions</c>).</summary>
/// <param name="PolicyId">The policy id.</param>
/// <param name="Title">Short human title.</param>
/// <param name="Compliant">True when the policy found no violation (reported as evaluated even when excluded).</param>
/// <param name="Excluded">True when an exclusion or exception covers the resource; then there is no plan.</param>
/// <param name="Severity">The policy's severity.</param>
/// <param name="ErrorCode">Stable code, e.g. GCS-001.</param>
/// <param name="Message">The violation messages joined with "; " (empty when compliant).</param>
/// <param name="Remediable">True when the policy can plan a fix under the current configuration.</param>
/// <param name="Remediation">The plan <c>{"_remediation_spec": "v2", "steps": [...]}</c>, when one applies.</param>
public sealed record PolicyDecision(
    string PolicyId,
    string Title,
    bool Compliant,
    bool Excluded,
    PolicySeverity Severity,
    string ErrorCode,
    string Message,
    bool Remediable,
    JsonElement? Remediation)
{
    /// <summary>A canonical JSON form (plan included) used to compare decisions across engines.</summary>
    public string ToCanonicalJson() => PolicyJson.CanonicalDecision(this);
}
