using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Enforcer.Google.Errors;

namespace Enforcer.Google.Http;

/// <summary>
/// Sends one JSON request and returns the raw response, turning transport failures and HttpClient
/// timeouts into <see cref="GoogleApiException"/> while letting the caller's cancellation propagate.
/// </summary>
internal sealed class RestTransport(HttpClient http, Uri baseAddress, AuthenticationHeaderValue? fixedAuthorization)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    public HttpClient Http { get; } = http;

    public async Task<RestResponse> SendAsync(HttpMethod method, string relativeUrl, Action<Utf8JsonWriter>? writeBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, relativeUrl));
        if (fixedAuthorization is not null)
        {
            request.Headers.Authorization = fixedAuthorization;
        }

        if (writeBody is not null)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writeBody(writer);
            }

            request.Content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
            request.Content.Headers.ContentType = JsonContentType;
        }

        try
        {
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new RestResponse(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new GoogleApiException(GoogleApiError.Timeout($"{method} {relativeUrl} timed out"), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GoogleApiException(GoogleApiError.Transport($"{method} {relativeUrl} failed: {ex.Message}"), ex);
        }
    }
}

/// <summary>A response body with its status; <see cref="ToError"/> classifies failures.</summary>
internal readonly record struct RestResponse(HttpStatusCode StatusCode, byte[] Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public GoogleApiError ToError() => GoogleApiError.FromResponse(StatusCode, Body);

    public GoogleApiException ToException() => new(ToError());

    public JsonDocument Parse() => JsonDocument.Parse(Body);
}
