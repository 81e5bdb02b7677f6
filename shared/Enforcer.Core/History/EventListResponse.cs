using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>A page of events as the History API returns it.</summary>
public sealed record EventListResponse(IReadOnlyList<EventRecord> Events, string? NextPageToken);
