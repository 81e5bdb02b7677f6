namespace Enforcer.Core.AuditLogs;

/// <summary>Which audit logs to map besides Admin Activity.</summary>
public sealed record EventMapperOptions
{
    /// <summary>Map data-access entries too (off: they are high-volume and mostly reads).</summary>
    public bool MapDataAccess { get; init; }

    /// <summary>Map system-event entries too (off: Google's own changes, e.g. live migration).</summary>
    public bool MapSystemEvent { get; init; }
}
