using System.Globalization;
using System.Text.Json;
using Enforcer.Core.Processing;
using Enforcer.Hosting.Inbound;
using Microsoft.AspNetCore.Http;

namespace Enforcer.Cli.Local;

/// <summary>
/// One event file for <c>enforcer evaluate</c>: a raw LogEntry or evaluation request (as a log sink or a sweep
/// produces it), a Pub/Sub push request, or a structured-mode CloudEvent. Envelopes go through the hosts' own
/// decoder, so a file the Evaluate function would refuse is refused here with the same reason.
/// </summary>
internal sealed record EventFile(string Path, EventEnvelope? Envelope, string? Error)
{
    private static readonly InboundRequestDecoder Decoder = new(new InboundRequestDecoderOptions { ValidatePayload = PayloadShapes.Evaluate });

    /// <summary>When the change happened (LogEntry timestamp, else publish time): the order events are replayed in.</summary>
    public DateTimeOffset? Time =>
        Envelope is null ? null
        : Envelope.Payload.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : Envelope.PublishTime;

    /// <summary>
    /// The event files a path names: the file itself, or the <c>*.json</c> files of a folder. A samples-style folder
    /// (with <c>events/</c>) contributes <c>events/</c> and <c>deliveries/</c> only, never its resources or state.
    /// </summary>
    public static IReadOnlyList<string> Enumerate(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            return [];
        }

        var folders = Directory.Exists(System.IO.Path.Combine(path, "events"))
            ? new[] { "events", "deliveries" }.Select(f => System.IO.Path.Combine(path, f)).Where(Directory.Exists)
            : [path];
        return [.. folders.SelectMany(f => Directory.EnumerateFiles(f, "*.json", SearchOption.AllDirectories)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads and decodes every file, replay order: by change time (undated last), then by path.</summary>
    public static async Task<IReadOnlyList<EventFile>> ReadAllAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<EventFile>();
        foreach (var path in paths)
        {
            files.Add(await ReadAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return [.. files.OrderBy(f => f.Time ?? DateTimeOffset.MaxValue).ThenBy(f => f.Path, StringComparer.Ordinal)];
    }

    public static async Task<EventFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return new EventFile(path, null, "not valid JSON: " + ex.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new EventFile(path, null, "not a JSON object");
        }

        if (root.TryGetProperty("message", out _))
        {
            return await DecodeAsync(path, bytes, "application/json", cancellationToken).ConfigureAwait(false);
        }

        if (root.TryGetProperty("specversion", out _))
        {
            return await DecodeAsync(path, bytes, "application/cloudevents+json", cancellationToken).ConfigureAwait(false);
        }

        if (PayloadShapes.Evaluate(root) is { } reason)
        {
            return new EventFile(path, null, reason);
        }

        return new EventFile(path, new EventEnvelope(root, null, null, new Dictionary<string, string>(), "File"), null);
    }

    private static async Task<EventFile> DecodeAsync(string path, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        var decoded = await Decoder.DecodeAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!decoded.IsAccepted)
        {
            return new EventFile(path, null, decoded.Reason);
        }

        var message = decoded.Message!;
        return new EventFile(path, new EventEnvelope(message.Payload, message.DeliveryId, message.PublishTime, message.Attributes, message.Kind.ToString()), null);
    }
}
