namespace Enforcer.Hosting.Inbound;

/// <summary>The outcome of decoding an HTTP request: a message, or the status and one-line reason to reject it with.</summary>
public readonly record struct DecodeResult(InboundMessage? Message, int StatusCode, string? Reason)
{
    public bool IsAccepted => Message is not null;

    public static DecodeResult Accept(InboundMessage message) => new(message, 200, null);

    /// <summary>A rejection; the reason is made one line, bounded and valid UTF-16 (it may quote the request).</summary>
    public static DecodeResult Reject(string reason, int statusCode = 400) => new(null, statusCode, ReasonText.OneLine(reason));
}
