using System.Text.Json;

namespace Enforcer.Hosting.Inbound;

/// <summary>Limits and the payload check a function applies to every inbound request.</summary>
public sealed class InboundRequestDecoderOptions
{
    /// <summary>Pub/Sub caps a message at 10 MB; a body above this is refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deeper JSON than this is refused, so hostile nesting cannot exhaust the stack.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Checks the unwrapped payload's shape; returns a one-line reason to reject it, or null to accept.</summary>
    public Func<JsonElement, string?> ValidatePayload { get; init; } = static _ => null;
}
