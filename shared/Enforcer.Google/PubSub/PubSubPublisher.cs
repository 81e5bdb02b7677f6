using Enforcer.Google.PubSub.Wire;

namespace Enforcer.Google.PubSub;

/// <summary>
/// Publishes to Pub/Sub topics over REST (topics.publish). Failures throw
/// <see cref="Errors.GoogleApiException"/>; transient ones (429, 5xx) say so in IsTransient. Thread-safe.
/// </summary>
public sealed class PubSubPublisher
{
    /// <summary>Pub/Sub accepts at most 1000 messages per publish call.</summary>
    public const int MaxMessagesPerRequest = 1000;

    private readonly PubSubTransport _transport;

    public PubSubPublisher(HttpClient http, PubSubClientOptions options) => _transport = new PubSubTransport(http, options);

    public PubSubClientOptions Options => _transport.Options;

    /// <summary>A publisher for the environment: the emulator when PUBSUB_EMULATOR_HOST is set, else ADC.</summary>
    public static async Task<PubSubPublisher> ConnectAsync(PubSubClientOptions options, CancellationToken cancellationToken = default) =>
        new(await PubSubTransport.CreateHttpClientAsync(options, cancellationToken).ConfigureAwait(false), options);

    /// <summary>Publishes one message; returns its server-assigned id.</summary>
    public async Task<string> PublishAsync(string topic, PubSubMessage message, CancellationToken cancellationToken = default)
    {
        var ids = await PublishAsync(topic, [message], cancellationToken).ConfigureAwait(false);
        return ids[0];
    }

    /// <summary>Publishes messages in as few calls as the per-request limit allows; ids are in input order.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string topic, IReadOnlyList<PubSubMessage> messages, CancellationToken cancellationToken = default)
    {
        var url = $"v1/{_transport.Options.TopicName(topic)}:publish";
        var ids = new List<string>(messages.Count);
        foreach (var chunk in messages.Chunk(MaxMessagesPerRequest))
        {
            var request = new PublishRequest
            {
                Messages = chunk.Select(m => new WireMessage
                {
                    Data = m.Data.ToArray(),
                    Attributes = m.Attributes is { Count: > 0 } a ? new Dictionary<string, string>(a) : null,
                    OrderingKey = m.OrderingKey,
                }).ToList(),
            };
            var response = await _transport.SendAsync(HttpMethod.Post, url, request, GoogleJsonContext.Default.PublishRequest, cancellationToken).ConfigureAwait(false);
            var result = PubSubTransport.Read(response, GoogleJsonContext.Default.PublishResponse);
            ids.AddRange(result.MessageIds ?? []);
        }

        return ids;
    }
}
