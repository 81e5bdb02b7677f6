using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Enforcer.Google.Errors;
using Enforcer.Google.Http;

namespace Enforcer.Google.PubSub;

/// <summary>Shared request plumbing of the Pub/Sub publisher and admin client.</summary>
internal sealed class PubSubTransport(HttpClient http, PubSubClientOptions options)
{
    private readonly RestTransport _transport = new(http, options.Endpoint, null);

    public PubSubClientOptions Options { get; } = options;

    public static async Task<HttpClient> CreateHttpClientAsync(PubSubClientOptions options, CancellationToken cancellationToken) =>
        options.IsEmulator
            ? GoogleHttpClients.ForEmulator(options.Endpoint)
            : await GoogleHttpClients.WithApplicationDefaultCredentialsAsync(options.Endpoint, [GoogleScopes.PubSub], cancellationToken).ConfigureAwait(false);

    public Task<RestResponse> SendAsync<TBody>(HttpMethod method, string url, TBody? body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken) =>
        _transport.SendAsync(method, url, body is null ? null : w => JsonSerializer.Serialize(w, body, bodyType), cancellationToken);

    public Task<RestResponse> SendAsync(HttpMethod method, string url, CancellationToken cancellationToken) =>
        _transport.SendAsync(method, url, null, cancellationToken);

    public static T Read<T>(RestResponse response, JsonTypeInfo<T> type) =>
        response.IsSuccess
            ? JsonSerializer.Deserialize(response.Body, type) ?? throw new GoogleApiException(new GoogleApiError((int)response.StatusCode, "INTERNAL", "empty response body"))
            : throw response.ToException();
}
