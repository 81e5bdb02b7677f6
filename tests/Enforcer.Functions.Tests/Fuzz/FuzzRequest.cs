using System.Text;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// A request as raw parts, so a case can carry what a well-behaved client never sends (invalid
/// UTF-8, malformed content types, any method), and can print itself when it fails.
/// </summary>
internal sealed record FuzzRequest(string Method, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool Chunked = false)
{
    public HttpRequestMessage ToHttpRequestMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), "/");
        if (Body.Length > 0 || ContentType is not null)
        {
            request.Content = Chunked ? new StreamContent(new UnseekableStream(Body)) : new ByteArrayContent(Body);
            request.Content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>The request as text: method, headers and the start of the body with bytes that are not printable ASCII as \xNN.</summary>
    public string Describe(int maxBodyChars = 600)
    {
        var text = new StringBuilder();
        text.Append(Method).Append(" / (").Append(Body.Length).Append(" bytes").Append(Chunked ? ", chunked" : string.Empty).AppendLine(")");
        if (ContentType is not null)
        {
            text.Append("Content-Type: ").AppendLine(ContentType);
        }

        foreach (var (name, value) in Headers)
        {
            text.Append(name).Append(": ").AppendLine(value.Length > 200 ? value[..200] + "..." : value);
        }

        var shown = Math.Min(Body.Length, maxBodyChars);
        for (var i = 0; i < shown; i++)
        {
            var b = Body[i];
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (shown < Body.Length)
        {
            text.Append("... (").Append(Body.Length - shown).Append(" more bytes)");
        }

        return text.ToString();
    }

    // No length known in advance, so the client sends the body chunked, without Content-Length.
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
