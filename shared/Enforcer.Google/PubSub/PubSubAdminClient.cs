using Enforcer.Google.Errors;
using Enforcer.Google.Firestore;
using Enforcer.Google.PubSub.Wire;

namespace Enforcer.Google.PubSub;

/// <summary>
/// Topic and subscription management plus pull/acknowledge, for tests, local runs and tooling
/// (production wiring is Terraform's job). Creating something that exists returns false, not an error.
/// </summary>
public sealed class PubSubAdminClient
{
    private readonly PubSubTransport _transport;

    public PubSubAdminClient(HttpClient http, PubSubClientOptions options) => _transport = new PubSubTransport(http, options);

    public PubSubClientOptions Options => _transport.Options;

    public static async Task<PubSubAdminClient> ConnectAsync(PubSubClientOptions options, CancellationToken cancellationToken = default) =>
        new(await PubSubTransport.CreateHttpClientAsync(options, cancellationToken).ConfigureAwait(false), options);

    /// <summary>Creates a topic; false when it already exists.</summary>
    public async Task<bool> CreateTopicAsync(string topic, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(HttpMethod.Put, $"v1/{Options.TopicName(topic)}", new TopicResource(), GoogleJsonContext.Default.TopicResource, cancellationToken).ConfigureAwait(false);
        return CreatedOrExisting(response);
    }

    /// <summary>Creates a pull subscription; false when it already exists.</summary>
    public Task<bool> CreatePullSubscriptionAsync(string subscription, string topic, int ackDeadlineSeconds = 10, CancellationToken cancellationToken = default) =>
        CreateSubscriptionAsync(subscription, topic, null, ackDeadlineSeconds, cancellationToken);

    /// <summary>Creates a push subscription delivering to <paramref name="pushEndpoint"/>; false when it already exists.</summary>
    public Task<bool> CreatePushSubscriptionAsync(string subscription, string topic, Uri pushEndpoint, int ackDeadlineSeconds = 10, CancellationToken cancellationToken = default) =>
        CreateSubscriptionAsync(subscription, topic, pushEndpoint, ackDeadlineSeconds, cancellationToken);

    /// <summary>Deletes a topic; false when it did not exist.</summary>
    public async Task<bool> DeleteTopicAsync(string topic, CancellationToken cancellationToken = default) =>
        DeletedOrMissing(await _transport.SendAsync(HttpMethod.Delete, $"v1/{Options.TopicName(topic)}", cancellationToken).ConfigureAwait(false));

    /// <summary>Deletes a subscription; false when it did not exist.</summary>
    public async Task<bool> DeleteSubscriptionAsync(string subscription, CancellationToken cancellationToken = default) =>
        DeletedOrMissing(await _transport.SendAsync(HttpMethod.Delete, $"v1/{Options.SubscriptionName(subscription)}", cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Pulls up to <paramref name="maxMessages"/> messages; may return none even when some are on the way.
    /// With <paramref name="returnImmediately"/> false the server holds the call open until messages arrive
    /// (the emulator for up to about 90 s when none do), so tests poll with the default instead.
    /// </summary>
    public async Task<IReadOnlyList<PubSubReceivedMessage>> PullAsync(string subscription, int maxMessages = 100, bool returnImmediately = true, CancellationToken cancellationToken = default)
    {
        var request = new PullRequest { MaxMessages = maxMessages, ReturnImmediately = returnImmediately };
        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{Options.SubscriptionName(subscription)}:pull", request, GoogleJsonContext.Default.PullRequest, cancellationToken).ConfigureAwait(false);
        var result = PubSubTransport.Read(response, GoogleJsonContext.Default.PullResponse);
        return (result.ReceivedMessages ?? []).Select(r => new PubSubReceivedMessage(
            r.AckId ?? "",
            r.Message?.MessageId ?? "",
            r.Message?.Data ?? [],
            r.Message?.Attributes ?? [],
            r.Message?.PublishTime is { } t ? FirestoreTimestamps.Parse(t) : null,
            r.DeliveryAttempt)).ToArray();
    }

    /// <summary>Acknowledges pulled messages so they are not redelivered.</summary>
    public async Task AcknowledgeAsync(string subscription, IEnumerable<string> ackIds, CancellationToken cancellationToken = default)
    {
        var request = new AcknowledgeRequest { AckIds = ackIds.ToList() };
        if (request.AckIds.Count == 0)
        {
            return;
        }

        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{Options.SubscriptionName(subscription)}:acknowledge", request, GoogleJsonContext.Default.AcknowledgeRequest, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToException();
        }
    }

    private async Task<bool> CreateSubscriptionAsync(string subscription, string topic, Uri? pushEndpoint, int ackDeadlineSeconds, CancellationToken cancellationToken)
    {
        var body = new SubscriptionResource
        {
            Topic = Options.TopicName(topic),
            PushConfig = pushEndpoint is null ? null : new PushConfig { PushEndpoint = pushEndpoint.ToString() },
            AckDeadlineSeconds = ackDeadlineSeconds,
        };
        var response = await _transport.SendAsync(HttpMethod.Put, $"v1/{Options.SubscriptionName(subscription)}", body, GoogleJsonContext.Default.SubscriptionResource, cancellationToken).ConfigureAwait(false);
        return CreatedOrExisting(response);
    }

    private static bool CreatedOrExisting(Http.RestResponse response)
    {
        if (response.IsSuccess)
        {
            return true;
        }

        var error = response.ToError();
        return error.Status == "ALREADY_EXISTS" ? false : throw new GoogleApiException(error);
    }

    private static bool DeletedOrMissing(Http.RestResponse response)
    {
        if (response.IsSuccess)
        {
            return true;
        }

        var error = response.ToError();
        return error.Status == "NOT_FOUND" ? false : throw new GoogleApiException(error);
    }
}
