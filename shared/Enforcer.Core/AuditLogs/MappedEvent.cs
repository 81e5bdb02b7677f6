namespace Enforcer.Core.AuditLogs;

/// <summary>The event touched these resources (at least one).</summary>
public sealed record MappedEvent(EventMetadata Metadata, IReadOnlyList<ResourceRef> Resources) : MappingOutcome;
