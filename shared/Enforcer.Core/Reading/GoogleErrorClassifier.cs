using System.Net;
using System.Text.Json;
using Enforcer.Core.Resources;

namespace Enforcer.Core.Reading;

/// <summary>Turns a failed Google API response into a read outcome, using the error body's google.rpc details.</summary>
public static class GoogleErrorClassifier
{
    /// <summary>Classifies a non-success response. <paramref name="permission"/> and <paramref name="api"/> come from the catalog.</summary>
    public static ReadOutcome Classify(HttpStatusCode status, ReadOnlySpan<byte> body, string permission, string api)
    {
        var code = (int)status;
        var error = ParseError(body);
        var message = error.Message ?? $"HTTP {code}";
        switch (code)
        {
            case 404 or 410:
                return new ResourceGone(message);
            case 403 when error.Reasons.Contains("SERVICE_DISABLED") || error.Reasons.Contains("accessNotConfigured"):
                {
                    var service = error.Service ?? api;
                    return new ReadPermissionDenied(permission, service, ServiceDisabled: true,
                        $"The {service} API is disabled{(error.Consumer is null ? "" : $" in {error.Consumer}")}: enable it (gcloud services enable {service}). Google said: {message}");
                }

            case 403 when error.Reasons.Overlaps(RateLimitReasons):
                return new ReadTransientFailure(code, message);
            case 403:
                {
                    var needed = error.Permission ?? permission;
                    return new ReadPermissionDenied(needed, api, ServiceDisabled: false,
                        $"Permission {needed} is missing on the enforcer's service account (grant a role with it; if it is granted, check that {api} is enabled). Google said: {message}");
                }

            case 400 when error.Reasons.Contains("resourceNotReady"):
            case 408 or 409 or 429 or >= 500:
                return new ReadTransientFailure(code, message);
            default:
                return new ReadPermanentFailure(code, message);
        }
    }

    private static readonly HashSet<string> RateLimitReasons =
        new(["RATE_LIMIT_EXCEEDED", "rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "RESOURCE_EXHAUSTED"], StringComparer.Ordinal);

    private static GoogleError ParseError(ReadOnlySpan<byte> body)
    {
        var result = new GoogleError();
        if (body.IsEmpty || !System.Text.Unicode.Utf8.IsValid(body))
        {
            return result;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (!JsonFieldPath.TryGet(doc.RootElement, "error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            result.Message = JsonFieldPath.GetString(error, "message");
            if (JsonFieldPath.GetString(error, "status") is { } status)
            {
                result.Reasons.Add(status);
            }

            if (error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in errors.EnumerateArray())
                {
                    if (JsonFieldPath.GetString(e, "reason") is { } reason)
                    {
                        result.Reasons.Add(reason);
                    }
                }
            }

            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var d in details.EnumerateArray())
                {
                    if (JsonFieldPath.GetString(d, "reason") is { } reason)
                    {
                        result.Reasons.Add(reason);
                    }

                    result.Service ??= JsonFieldPath.GetString(d, "metadata.service");
                    result.Permission ??= JsonFieldPath.GetString(d, "metadata.permission");
                    result.Consumer ??= JsonFieldPath.GetString(d, "metadata.consumer");
                }
            }
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy: the status code alone decides.
        }

        return result;
    }

    private sealed class GoogleError
    {
        public string? Message { get; set; }
        public HashSet<string> Reasons { get; } = new(StringComparer.Ordinal);
        public string? Service { get; set; }
        public string? Permission { get; set; }
        public string? Consumer { get; set; }
    }
}
