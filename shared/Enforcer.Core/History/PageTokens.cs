using System.Text.Json;
using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>
/// Encodes and decodes the opaque page tokens of event listings. A token is bound to the filter it
/// was issued for: using it with another filter is refused.
/// </summary>
public static class PageTokens
{
    public static string Encode(EventCursor cursor, string? resourceFilter)
    {
        var payload = new PageTokenPayload((cursor.ReceivedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10, cursor.Id, resourceFilter);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, HistoryJsonContext.Default.PageTokenPayload);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Returns the cursor, or an error message for a malformed or mismatched token.</summary>
    public static (EventCursor? Cursor, string? Error) Decode(string token, string? resourceFilter)
    {
        var text = token.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[text.Length];
        if (token.Length > 2048 || !Convert.TryFromBase64String(text, buffer, out var written))
        {
            return (null, "page_token is malformed");
        }

        PageTokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(buffer.AsSpan(0, written), HistoryJsonContext.Default.PageTokenPayload);
        }
        catch (JsonException)
        {
            return (null, "page_token is malformed");
        }

        if (payload is null || string.IsNullOrEmpty(payload.I) || payload.T < 0)
        {
            return (null, "page_token is malformed");
        }

        if (!string.Equals(payload.R, resourceFilter, StringComparison.Ordinal))
        {
            return (null, "page_token was issued for a different query");
        }

        if (payload.T > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10)
        {
            return (null, "page_token is malformed");
        }

        // Timestamps are kept at microsecond precision, Firestore's own.
        return (new EventCursor(DateTimeOffset.UnixEpoch.AddTicks(payload.T * 10), payload.I), null);
    }
}
