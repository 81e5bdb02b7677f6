using System.Text.Json.Serialization;

namespace Enforcer.Google.PubSub.Wire;

// Pub/Sub v1 REST request and response shapes (internal; serialized by GoogleJsonContext).

internal sealed class WireMessage
{
    [JsonPropertyName("data")]
    public byte[]? Data { get; set; }

    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("publishTime")]
    public string? PublishTime { get; set; }

    [JsonPropertyName("orderingKey")]
    public string? OrderingKey { get; set; }
}

internal sealed class PublishRequest
{
    [JsonPropertyName("messages")]
    public List<WireMessage> Messages { get; set; } = [];
}

internal sealed class PublishResponse
{
    [JsonPropertyName("messageIds")]
    public List<string>? MessageIds { get; set; }
}

internal sealed class TopicResource
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

internal sealed class PushConfig
{
    [JsonPropertyName("pushEndpoint")]
    public string? PushEndpoint { get; set; }
}

internal sealed class SubscriptionResource
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("topic")]
    public string? Topic { get; set; }

    [JsonPropertyName("pushConfig")]
    public PushConfig? PushConfig { get; set; }

    [JsonPropertyName("ackDeadlineSeconds")]
    public int? AckDeadlineSeconds { get; set; }
}

internal sealed class PullRequest
{
    [JsonPropertyName("maxMessages")]
    public int MaxMessages { get; set; }

    [JsonPropertyName("returnImmediately")]
    public bool? ReturnImmediately { get; set; }
}

internal sealed class WireReceivedMessage
{
    [JsonPropertyName("ackId")]
    public string? AckId { get; set; }

    [JsonPropertyName("message")]
    public WireMessage? Message { get; set; }

    [JsonPropertyName("deliveryAttempt")]
    public int? DeliveryAttempt { get; set; }
}

internal sealed class PullResponse
{
    [JsonPropertyName("receivedMessages")]
    public List<WireReceivedMessage>? ReceivedMessages { get; set; }
}

internal sealed class AcknowledgeRequest
{
    [JsonPropertyName("ackIds")]
    public List<string> AckIds { get; set; } = [];
}
