namespace Enforcer.Core.AuditLogs;

/// <summary>Which input format an event arrived in.</summary>
public enum EventSource
{
    /// <summary>A Cloud Audit Log LogEntry.</summary>
    AuditLog,

    /// <summary>An evaluation request (<c>{name, asset_type, ...}</c>), from the sweep or any publisher.</summary>
    EvaluationRequest,
}
