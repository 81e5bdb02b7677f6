namespace Enforcer.Core.Storage;

/// <summary>Position after the last event of a page: events sort by (ReceivedAt desc, Id desc).</summary>
public sealed record EventCursor(DateTimeOffset ReceivedAt, string Id);
