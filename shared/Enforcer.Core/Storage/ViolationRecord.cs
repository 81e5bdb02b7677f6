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
    public const string Open = "open";
    public const string Closed = "closed";
}
