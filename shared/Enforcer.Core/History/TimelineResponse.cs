namespace Enforcer.Core.History;

/// <summary>A page of one resource's timeline, newest first.</summary>
public sealed record TimelineResponse(string Name, IReadOnlyList<TimelineEntry> Entries, string? NextPageToken);
