namespace Enforcer.Core.Storage;

/// <summary>A page request over recorded events, newest first.</summary>
/// <param name="Limit">Page size, 1..1000.</param>
/// <param name="After">Cursor from the previous page, or null for the first page.</param>
/// <param name="ResourceName">Only events that touched this full resource name, if set.</param>
public sealed record EventQuery(int Limit, EventCursor? After = null, string? ResourceName = null);
