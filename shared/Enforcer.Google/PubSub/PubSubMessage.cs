namespace Enforcer.Google.PubSub;

/// <summary>A message to publish: bytes plus string attributes.</summary>
public sealed record PubSubMessage(ReadOnlyMemory<byte> Data, IReadOnlyDictionary<string, string>? Attributes = null)
{
    /// <summary>Messages with the same key are delivered in order when the subscription enables ordering.</summary>
    public string? OrderingKey { get; init; }

    /// <summary>A message whose data is UTF-8 text (JSON, usually).</summary>
    public static PubSubMessage FromText(string text, IReadOnlyDictionary<string, string>? attributes = null) =>
        new(System.Text.Encoding.UTF8.GetBytes(text), attributes);
}
