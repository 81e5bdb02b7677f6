namespace Enforcer.Core.AuditLogs;

/// <summary>The event maps to nothing, with the reason. Metadata is present when the envelope could be read.</summary>
public sealed record IgnoredEvent(IgnoreReason Reason, string Message, EventMetadata? Metadata = null) : MappingOutcome;
