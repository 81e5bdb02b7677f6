namespace Enforcer.Core.Storage;

/// <summary>A page request over one resource's evaluations (optionally of one policy), newest first.</summary>
/// <param name="ResourceName">The full resource name.</param>
/// <param name="Limit">Page size, 1..1000.</param>
/// <param name="After">Cursor from the previous page, or null for the first page.</param>
/// <param name="PolicyId">Only this policy's evaluations.</param>
public sealed record EvaluationQuery(string ResourceName, int Limit, RecordCursor? After = null, string? PolicyId = null)
{
    /// <summary>True when <paramref name="e"/> passes every filter except the cursor.</summary>
    public bool Matches(EvaluationRecord e) => e.ResourceName == ResourceName && (PolicyId is null || e.PolicyId == PolicyId);
}
