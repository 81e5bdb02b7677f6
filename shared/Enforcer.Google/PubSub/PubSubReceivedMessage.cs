namespace Enforcer.Google.PubSub;

/// <summary>A pulled message with the ack id needed to acknowledge it.</summary>
public sealed record PubSubReceivedMessage(
    string AckId,
    string MessageId,
    ReadOnlyMemory<byte> Data,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset? PublishTime,
    int? DeliveryAttempt)
{
    public string DataAsText() => System.Text.Encoding.UTF8.GetString(Data.Span);
}
