using System.Net;
using System.Text.Json;

namespace Enforcer.Google.Errors;

/// <summary>
/// A failed Google API call: the HTTP status, the gRPC-style status string from the JSON error body
/// (or derived from the HTTP status when the body has none), and whether retrying may succeed.
/// </summary>
public sealed record GoogleApiError(int HttpStatus, string Status, string Message)
{
    /// <summary>True when the same call may succeed later (throttling, unavailability, contention, timeouts).</summary>
    public bool IsTransient => IsTransientStatus(Status) || HttpStatus is 408 or 429 or >= 500;

    /// <summary>Transport failure (connection refused, reset, DNS): no HTTP response at all.</summary>
    public static GoogleApiError Transport(string message) => new(0, "UNAVAILABLE", message);

    /// <summary>The request exceeded the HttpClient timeout (not the caller's cancellation).</summary>
    public static GoogleApiError Timeout(string message) => new(0, "DEADLINE_EXCEEDED", message);

    /// <summary>Builds the error from a non-success response; tolerates non-JSON bodies from proxies and emulators.</summary>
    public static GoogleApiError FromResponse(HttpStatusCode statusCode, ReadOnlySpan<byte> body)
    {
        var http = (int)statusCode;
        string? status = null;
        string? message = null;
        if (!body.IsEmpty)
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, GoogleJsonContext.Default.GoogleErrorEnvelope);
                status = parsed?.Error?.Status;
                message = parsed?.Error?.Message;
            }
            catch (JsonException)
            {
                // Plain-text or HTML bodies (load balancers, the emulator's "Not Found") carry no status.
            }

            message ??= Truncate(System.Text.Encoding.UTF8.GetString(body).Trim(), 500);
        }

        return new GoogleApiError(
            http,
            string.IsNullOrEmpty(status) ? StatusFromHttp(http) : status,
            string.IsNullOrEmpty(message) ? $"HTTP {http}" : message);
    }

    /// <summary>The canonical gRPC status Google uses for an HTTP status when the body does not say.</summary>
    public static string StatusFromHttp(int http) => http switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        408 => "DEADLINE_EXCEEDED",
        // A bare 409 is ambiguous (ABORTED or ALREADY_EXISTS); Google always sends a body, so this is
        // only reached through proxies. ABORTED is the conservative choice: retrying is safe.
        409 => "ABORTED",
        412 => "FAILED_PRECONDITION",
        416 => "OUT_OF_RANGE",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        500 => "INTERNAL",
        501 => "UNIMPLEMENTED",
        502 or 503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "UNKNOWN",
    };

    private static bool IsTransientStatus(string status) => status is
        "UNAVAILABLE" or "DEADLINE_EXCEEDED" or "RESOURCE_EXHAUSTED" or "ABORTED" or "INTERNAL";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
