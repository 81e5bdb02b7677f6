namespace Enforcer.Core.Storage;

/// <summary>
/// One received event as recorded for history: what it was, where it came from, what it touched,
/// and how processing ended. Keyed by <see cref="Id"/>, derived from the audit-log insertId (or the
/// delivery id), so overlapping sinks and redeliveries record it once.
/// </summary>
public sealed record EventRecord(
    string Id,
    DateTimeOffset ReceivedAt,
    string Kind,
    string? InsertId,
    string? DeliveryId,
    DateTimeOffset? EventTime,
    string? MethodName,
    string? ServiceName,
    string? Principal,
    string Outcome,
    string? Reason,
    IReadOnlyList<EventResource> Resources);
