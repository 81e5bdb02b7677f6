namespace Enforcer.Core.Storage;

/// <summary>
/// The claim and the log of one remediation: one document per (resource, policy, observed state). The owner
/// holds a lease; a delivery that finds the lease expired takes the work over and continues after the steps
/// already done.
/// </summary>
public sealed record RemediationRecord(
    string Id,
    string RequestId,
    string PolicyId,
    string ResourceName,
    string AssetType,
    string Mode,
    string Status,
    string Owner,
    DateTimeOffset LeaseUntil,
    int Attempts,
    DateTimeOffset ClaimedAt,
    DateTimeOffset UpdatedAt,
    string? Reason,
    bool? Verified,
    IReadOnlyList<RemediationStep> Steps)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Skipped = "skipped";
    public const string DryRun = "dry-run";
    public const string Failed = "failed";
    public const string DeadLettered = "dead-lettered";
    public const string Quarantined = "quarantined";
    public const string Deferred = "deferred";

    /// <summary>True once no further delivery should act on it.</summary>
    public bool IsFinished => Status is Succeeded or Skipped or DryRun or Failed or DeadLettered or Quarantined;
}
