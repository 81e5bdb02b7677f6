using System.Text.Json;
using Enforcer.Core.Resources;

namespace Enforcer.Core.AuditLogs;

/// <summary>
/// The one entry point from an incoming payload to the resources it concerns. Accepts a Cloud Audit Log LogEntry
/// or an evaluation request (<c>{name, asset_type, ...}</c>) and never throws: anything it cannot use comes back
/// as an <see cref="IgnoredEvent"/> with a reason.
/// </summary>
public sealed class EventMapper
{
    private static readonly Lazy<EventMapper> DefaultMapper = new(() => new EventMapper(ResourceCatalog.Default));
    private readonly AuditLogMapper _auditLogs;
    private readonly EvaluationRequestMapper _requests;

    /// <summary>Creates a mapper over a catalog.</summary>
    public EventMapper(ResourceCatalog catalog, EventMapperOptions? options = null)
    {
        Catalog = catalog;
        _auditLogs = new AuditLogMapper(catalog, options ?? new EventMapperOptions());
        _requests = new EvaluationRequestMapper(catalog);
    }

    /// <summary>A mapper over <see cref="ResourceCatalog.Default"/> with default options.</summary>
    public static EventMapper Default => DefaultMapper.Value;

    /// <summary>The catalog resources are resolved against.</summary>
    public ResourceCatalog Catalog { get; }

    /// <summary>Maps a UTF-8 JSON payload (a LogEntry or an evaluation request).</summary>
    public MappingOutcome Map(ReadOnlySpan<byte> utf8Json)
    {
        // Strings are transcoded lazily, so invalid UTF-8 would surface later as an exception; reject it up front.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return new IgnoredEvent(IgnoreReason.MalformedJson, "Payload is not valid UTF-8.");
        }

        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return new IgnoredEvent(IgnoreReason.MalformedJson, $"Payload is not valid JSON: {ex.Message}");
        }

        using (doc)
        {
            return Map(doc.RootElement);
        }
    }

    /// <summary>Maps an already-parsed payload.</summary>
    public MappingOutcome Map(JsonElement payload)
    {
        try
        {
            if (payload.ValueKind != JsonValueKind.Object)
            {
                return new IgnoredEvent(IgnoreReason.UnrecognizedFormat, $"Payload is a JSON {payload.ValueKind}, not an object.");
            }

            if (payload.TryGetProperty("protoPayload", out _) || payload.TryGetProperty("logName", out _))
            {
                return _auditLogs.Map(payload);
            }

            if (payload.TryGetProperty("asset_type", out _))
            {
                return _requests.Map(payload);
            }

            return new IgnoredEvent(IgnoreReason.UnrecognizedFormat, "Payload is neither a LogEntry (protoPayload) nor an evaluation request (asset_type).");
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException or JsonException)
        {
            // Defence in depth: the mappers check kinds before reading, so reaching this is a bug to report, not a crash.
            return new IgnoredEvent(IgnoreReason.InternalError, $"Mapping failed unexpectedly: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
