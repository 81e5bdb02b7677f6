namespace Enforcer.Core.Storage;

/// <summary>A page request over violations, most recently updated first; every filter is optional and they combine with AND.</summary>
/// <param name="Limit">Page size, 1..1000.</param>
/// <param name="After">Cursor from the previous page, or null for the first page.</param>
/// <param name="ProjectId">Only this project.</param>
/// <param name="ResourceName">Only this full resource name.</param>
/// <param name="PolicyId">Only this policy.</param>
/// <param name="Severity">Only this severity (LOW, MEDIUM, HIGH, CRITICAL).</param>
/// <param name="Status">Only this status (<see cref="ViolationRecord.Statuses"/>).</param>
/// <param name="Since">Only violations updated at or after this time (inclusive).</param>
/// <param name="Until">Only violations updated before this time (exclusive).</param>
public sealed record ViolationQuery(
    int Limit,
    RecordCursor? After = null,
    string? ProjectId = null,
    string? ResourceName = null,
    string? PolicyId = null,
    string? Severity = null,
    string? Status = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null)
{
    /// <summary>True when <paramref name="v"/> passes every filter except the cursor.</summary>
    public bool Matches(ViolationRecord v) =>
        (ProjectId is null || v.ProjectId == ProjectId)
        && (ResourceName is null || v.ResourceName == ResourceName)
        && (PolicyId is null || v.PolicyId == PolicyId)
        && (Severity is null || v.Severity == Severity)
        && (Status is null || v.Status == Status)
        && (Since is null || v.UpdatedAt >= Since)
        && (Until is null || v.UpdatedAt < Until);
}
