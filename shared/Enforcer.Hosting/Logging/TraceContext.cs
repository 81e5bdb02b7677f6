using Microsoft.AspNetCore.Http;

namespace Enforcer.Hosting.Logging;

/// <summary>Extracts the request's trace id (Cloud Run's X-Cloud-Trace-Context or W3C traceparent) for log correlation.</summary>
public static class TraceContext
{
    /// <summary>Returns (traceId, spanId) or nulls when the request carries no usable trace header.</summary>
    public static (string? TraceId, string? SpanId) Extract(IHeaderDictionary headers)
    {
        var cloud = headers["X-Cloud-Trace-Context"].ToString();
        if (cloud.Length > 0)
        {
            // TRACE_ID/SPAN_ID;o=OPTIONS
            var slash = cloud.IndexOf('/', StringComparison.Ordinal);
            var traceId = slash < 0 ? cloud.Split(';')[0] : cloud[..slash];
            string? spanId = slash < 0 ? null : cloud[(slash + 1)..].Split(';')[0];
            if (IsHex(traceId, 32))
            {
                return (traceId, string.IsNullOrEmpty(spanId) ? null : spanId);
            }
        }

        var parent = headers["traceparent"].ToString();
        var parts = parent.Split('-');
        if (parts.Length == 4 && IsHex(parts[1], 32) && IsHex(parts[2], 16))
        {
            return (parts[1], parts[2]);
        }

        return (null, null);
    }

    /// <summary>The value Cloud Logging expects in <c>logging.googleapis.com/trace</c>.</summary>
    public static string? ToLoggingTrace(string? traceId, string? projectId) =>
        traceId is null ? null : projectId is null ? traceId : $"projects/{projectId}/traces/{traceId}";

    private static bool IsHex(string text, int length) =>
        text.Length == length && text.All(Uri.IsHexDigit);
}
