namespace Enforcer.Core.AuditLogs;

/// <summary>Why an event produced no resources. Every one is a permanent outcome: acknowledge, log, move on.</summary>
public enum IgnoreReason
{
    /// <summary>The payload is not valid JSON (or is truncated).</summary>
    MalformedJson,

    /// <summary>Valid JSON, but neither a LogEntry nor an evaluation request.</summary>
    UnrecognizedFormat,

    /// <summary>A LogEntry whose payload is not an AuditLog.</summary>
    NotAuditLog,

    /// <summary>A field the format requires is missing or has the wrong type.</summary>
    MissingField,

    /// <summary>A data-access audit log (reads and data writes), not mapped unless enabled.</summary>
    DataAccessLog,

    /// <summary>A system-event audit log, not mapped unless enabled.</summary>
    SystemEventLog,

    /// <summary>A policy-denied audit log: nothing changed.</summary>
    PolicyDeniedLog,

    /// <summary>A read-only method: nothing changed.</summary>
    ReadOnlyOperation,

    /// <summary>The logged call failed (non-zero status): nothing changed.</summary>
    FailedOperation,

    /// <summary>No catalog type is logged by this service.</summary>
    UnmappedService,

    /// <summary>The service is known but the entry names no catalog resource (another collection, or identifiers missing).</summary>
    UnmappedResource,

    /// <summary>A resource Google hides from its APIs (App Engine flexible VMs), which would always read as 404.</summary>
    HiddenResource,

    /// <summary>An evaluation request for an asset type the catalog does not have.</summary>
    UnknownAssetType,

    /// <summary>An evaluation request whose name does not parse for its asset type.</summary>
    InvalidResourceName,

    /// <summary>A bug in the mapper, contained so that no input can crash the caller.</summary>
    InternalError,
}
