namespace Enforcer.Hosting.Inbound;

/// <summary>How a message reached a function, which decides how its payload was unwrapped.</summary>
public enum InboundKind
{
    /// <summary>Eventarc Cloud Audit Log trigger: the CloudEvent data is the LogEntry itself.</summary>
    AuditLogCloudEvent,

    /// <summary>Eventarc Pub/Sub trigger: the CloudEvent data wraps a Pub/Sub message.</summary>
    PubSubCloudEvent,

    /// <summary>A plain Pub/Sub push request with no CloudEvent attributes.</summary>
    PubSubPush,
}
