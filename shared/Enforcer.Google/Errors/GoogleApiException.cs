namespace Enforcer.Google.Errors;

/// <summary>
/// Thrown for failures a caller cannot handle in place (unavailable, throttled, denied, invalid request).
/// Expected outcomes such as not found or already exists are returned as values instead.
/// </summary>
public sealed class GoogleApiException : Exception
{
    public GoogleApiException(GoogleApiError error, Exception? inner = null)
        : base($"{error.Status} ({error.HttpStatus}): {error.Message}", inner) => Error = error;

    public GoogleApiException()
        : this(new GoogleApiError(0, "UNKNOWN", "unknown error"))
    {
    }

    public GoogleApiException(string message)
        : this(new GoogleApiError(0, "UNKNOWN", message))
    {
    }

    public GoogleApiException(string message, Exception inner)
        : this(new GoogleApiError(0, "UNKNOWN", message), inner)
    {
    }

    public GoogleApiError Error { get; }

    /// <summary>Whether the operation may succeed when retried; hosts answer 5xx for these so the platform redelivers.</summary>
    public bool IsTransient => Error.IsTransient;

    /// <summary>The gRPC-style status, e.g. UNAVAILABLE, PERMISSION_DENIED, ABORTED.</summary>
    public string Status => Error.Status;
}
