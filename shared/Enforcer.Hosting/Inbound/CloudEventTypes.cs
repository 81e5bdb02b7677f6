namespace Enforcer.Hosting.Inbound;

/// <summary>The CloudEvent types the functions accept.</summary>
public static class CloudEventTypes
{
    public const string AuditLogWritten = "google.cloud.audit.log.v1.written";
    public const string PubSubMessagePublished = "google.cloud.pubsub.topic.v1.messagePublished";
}
