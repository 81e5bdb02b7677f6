using Enforcer.Core.Requests;

namespace Enforcer.Core.AuditLogs;

/// <summary>Facts about the event itself, for logs, history, delay and loop protection.</summary>
public sealed record EventMetadata
{
    /// <summary>Input format.</summary>
    public required EventSource Source { get; init; }

    /// <summary>LogEntry <c>insertId</c> (unique per entry; a dedupe key).</summary>
    public string? InsertId { get; init; }

    /// <summary>When the change happened (LogEntry <c>timestamp</c>); null for requests without one.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Who made the change (<c>authenticationInfo.principalEmail</c>), to recognise the enforcer's own changes.</summary>
    public string? PrincipalEmail { get; init; }

    /// <summary><c>protoPayload.serviceName</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary><c>protoPayload.methodName</c>.</summary>
    public string? MethodName { get; init; }

    /// <summary>The LogEntry's monitored resource type (<c>resource.type</c>).</summary>
    public string? MonitoredResourceType { get; init; }

    /// <summary>Which audit log.</summary>
    public LogKind LogKind { get; init; }

    /// <summary>The classified method verb.</summary>
    public OperationKind Operation { get; init; }

    /// <summary>Long-running operation id (<c>operation.id</c>), shared by its first and last entries.</summary>
    public string? OperationId { get; init; }

    /// <summary>True on the entry that starts a long-running operation.</summary>
    public bool OperationFirst { get; init; }

    /// <summary>True on the entry that ends it (the resource is usually ready by then).</summary>
    public bool OperationLast { get; init; }

    /// <summary><c>metadata.src</c> of an evaluation request (e.g. <c>sweep</c>), or <c>audit-log</c>.</summary>
    public string? Src { get; init; }

    /// <summary>The request's control data, if any.</summary>
    public ControlData? ControlData { get; init; }
}
