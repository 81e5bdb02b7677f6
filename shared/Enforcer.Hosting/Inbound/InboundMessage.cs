using System.Text.Json;

namespace Enforcer.Hosting.Inbound;

/// <summary>
/// A request that passed transport validation: its payload is a JSON object (a LogEntry, an
/// evaluation request or a remediation request) and its delivery metadata is kept for logs and
/// de-duplication.
/// </summary>
public sealed record InboundMessage(
    InboundKind Kind,
    JsonElement Payload,
    string? MessageId,
    DateTimeOffset? PublishTime,
    IReadOnlyDictionary<string, string> Attributes,
    string? CloudEventId,
    string? CloudEventType,
    string? CloudEventSource,
    string? Subscription)
{
    /// <summary>The id that identifies this delivery across retries: the Pub/Sub message id or the CloudEvent id.</summary>
    public string? DeliveryId => MessageId ?? CloudEventId;
}
