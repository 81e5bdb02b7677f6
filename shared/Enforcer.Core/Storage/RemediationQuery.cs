namespace Enforcer.Core.Storage;

/// <summary>A page request over remediation records, most recently claimed first; filters are optional and combine with AND.</summary>
/// <param name="Limit">Page size, 1..1000.</param>
/// <param name="After">Cursor from the previous page, or null for the first page.</param>
/// <param name="ResourceName">Only this full resource name.</param>
/// <param name="PolicyId">Only this policy.</param>
/// <param name="Status">Only this status (<see cref="RemediationRecord.Running"/>, ...).</param>
/// <param name="Since">Only remediations claimed at or after this time (inclusive).</param>
/// <param name="Until">Only remediations claimed before this time (exclusive).</param>
public sealed record RemediationQuery(
    int Limit,
    RecordCursor? After = null,
    string? ResourceName = null,
    string? PolicyId = null,
    string? Status = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null)
{
    /// <summary>True when <paramref name="r"/> passes every filter except the cursor.</summary>
    public bool Matches(RemediationRecord r) =>
        (ResourceName is null || r.ResourceName == ResourceName)
        && (PolicyId is null || r.PolicyId == PolicyId)
        && (Status is null || r.Status == Status)
        && (Since is null || r.ClaimedAt >= Since)
        && (Until is null || r.ClaimedAt < Until);
}
