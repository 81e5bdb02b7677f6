namespace Enforcer.ColdStart;

/// <summary>The first request a started host must answer, which decides when its cold start ends.</summary>
internal enum ProbeKind
{
    /// <summary>The sample LogEntry as a binary-mode audit-log CloudEvent POSTed to / (Evaluate; also the hello world's POST /).</summary>
    AuditEvent,

    /// <summary>A remediation request in a Pub/Sub push envelope POSTed to / (Remediate).</summary>
    Remediation,

    /// <summary>GET /v1/events?page_size=1 (History: it serves queries, not events).</summary>
    HistoryQuery,
}
