namespace Enforcer.Policies;

/// <summary>A policy's <c>metadata</c> document.</summary>
/// <param name="Id">Policy id (the package suffix).</param>
/// <param name="Title">Short human title.</param>
/// <param name="Description">What the policy checks.</param>
/// <param name="AppliesTo">Asset types it evaluates.</param>
/// <param name="Severity">Severity.</param>
/// <param name="ErrorCode">Stable code.</param>
/// <param name="Remediable">Whether it can plan a fix.</param>
/// <param name="Destructive">Whether the fix deletes or disables something (needs allow_destructive).</param>
/// <param name="Fix">What the fix does.</param>
/// <param name="References">Benchmarks it implements, e.g. "CIS GCP 5.1".</param>
public sealed record PolicyMetadata(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> AppliesTo,
    PolicySeverity Severity,
    string ErrorCode,
    bool Remediable,
    bool Destructive,
    string Fix,
    IReadOnlyList<string> References);
