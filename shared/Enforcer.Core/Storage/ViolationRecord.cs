namespace Enforcer.Core.Storage;

/// <summary>
/// The violation of one policy by one resource over time: opened when first seen non-compliant, updated on
/// every later non-compliant evaluation, closed when compliant, excluded or deleted (and reopened after).
/// </summary>
public sealed record ViolationRecord(
    string Id,
    string ResourceName,
    string AssetType,
    string? ProjectId,
    string PolicyId,
    string Severity,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    string Message,
    int Evaluations,
    string LastEventId)
{
    /// <summary>Active: the resource violates the policy and may be remediated.</summary>
    public const string Open = "open";

    /// <summary>Active: the resource violates the policy and is quarantined (no more automatic fixes).</summary>
    public const string Quarantined = "quarantined";

    /// <summary>Closed: the enforcer remediated it and verified compliance afterwards.</summary>
    public const string Remediated = "remediated";

    /// <summary>Closed: the resource is now excluded from the policy (labels, projects, names, exceptions).</summary>
    public const string Excluded = "excluded";

    /// <summary>Closed: compliant again without the enforcer's fix, or the resource was deleted.</summary>
    public const string Resolved = "resolved";

    /// <summary>Every status, in the order History documents them.</summary>
    public static readonly IReadOnlyList<string> Statuses = [Open, Remediated, Excluded, Resolved, Quarantined];

    /// <summary>Open and quarantined violations are active; the others are closed.</summary>
    public bool IsActive => Status is Open or Quarantined;
}
