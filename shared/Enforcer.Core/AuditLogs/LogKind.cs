namespace Enforcer.Core.AuditLogs;

/// <summary>Which Cloud Audit Log an entry came from (from the <c>logName</c> suffix).</summary>
public enum LogKind
{
    /// <summary>Not an audit log, or the log name is missing.</summary>
    Unknown,

    /// <summary><c>cloudaudit.googleapis.com%2Factivity</c>: admin writes. Mapped by default.</summary>
    Activity,

    /// <summary><c>cloudaudit.googleapis.com%2Fdata_access</c>: reads and data writes. Ignored by default.</summary>
    DataAccess,

    /// <summary><c>cloudaudit.googleapis.com%2Fsystem_event</c>: changes made by Google systems. Ignored by default.</summary>
    SystemEvent,

    /// <summary><c>cloudaudit.googleapis.com%2Fpolicy</c>: requests refused by VPC-SC or org policy. Always ignored.</summary>
    PolicyDenied,
}
