using System.Text.Json;

namespace Enforcer.Core.Processing;

/// <summary>A decoded delivery as the services see it: the JSON payload and how it arrived.</summary>
/// <param name="Payload">A LogEntry, an evaluation request or a remediation request.</param>
/// <param name="DeliveryId">The Pub/Sub message id or CloudEvent id; stable across redeliveries.</param>
/// <param name="PublishTime">When the platform accepted the message, if known.</param>
/// <param name="Attributes">Pub/Sub message attributes (empty for audit-log CloudEvents).</param>
/// <param name="Transport">How it came: audit-log CloudEvent, Pub/Sub CloudEvent or plain push.</param>
public sealed record EventEnvelope(
    JsonElement Payload,
    string? DeliveryId,
    DateTimeOffset? PublishTime,
    IReadOnlyDictionary<string, string> Attributes,
    string Transport);
