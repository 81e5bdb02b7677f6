namespace Enforcer.Core.Storage;

/// <summary>A page of events and the cursor for the next one (null on the last page).</summary>
public sealed record EventPage(IReadOnlyList<EventRecord> Events, EventCursor? Next);
