using System.Buffers;
using System.Net.Mime;
using System.Text.Json;
using System.Text.Unicode;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.AspNetCore.Http;

namespace Enforcer.Hosting.Inbound;

/// <summary>
/// Turns an HTTP POST into an <see cref="InboundMessage"/> or a rejection. Accepts CloudEvents in
/// binary and structured mode (audit-log and Pub/Sub types) and plain Pub/Sub push bodies; rejects
/// everything else before any business code runs.
/// </summary>
public sealed class InboundRequestDecoder(InboundRequestDecoderOptions options)
{
    private const string CloudEventsJson = "application/cloudevents+json";
    private const string CloudEventsBatchJson = "application/cloudevents-batch+json";
    private static readonly JsonEventFormatter Formatter = new();
    private static readonly string[] StringAttributes = ["specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time"];

    public InboundRequestDecoderOptions Options { get; } = options;

    public async Task<DecodeResult> DecodeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return DecodeResult.Reject($"method {request.Method} is not allowed; events are POSTed", StatusCodes.Status405MethodNotAllowed);
        }

        if (request.ContentLength > Options.MaxBodyBytes)
        {
            return DecodeResult.Reject($"body of {request.ContentLength} bytes exceeds the limit of {Options.MaxBodyBytes}", StatusCodes.Status413PayloadTooLarge);
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(request.Body, Options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own framing and size checks (a broken chunked body, its request body limit).
            return DecodeResult.Reject($"unreadable body: {ex.Message}", ex.StatusCode);
        }

        if (body is null)
        {
            return DecodeResult.Reject($"body exceeds the limit of {Options.MaxBodyBytes} bytes", StatusCodes.Status413PayloadTooLarge);
        }

        if (body.Length == 0)
        {
            return DecodeResult.Reject("empty body");
        }

        // JSON is UTF-8; invalid bytes would otherwise pass the parser and throw later, wherever a string is read.
        if (!Utf8.IsValid(body))
        {
            return DecodeResult.Reject("body is not valid UTF-8");
        }

        var contentType = request.ContentType ?? string.Empty;
        if (contentType.StartsWith(CloudEventsBatchJson, StringComparison.OrdinalIgnoreCase))
        {
            return DecodeResult.Reject("CloudEvents batch mode is not supported; send one event per request");
        }

        if (contentType.StartsWith(CloudEventsJson, StringComparison.OrdinalIgnoreCase))
        {
            return DecodeStructured(body, contentType);
        }

        if (request.Headers.ContainsKey("ce-specversion"))
        {
            return DecodeBinary(request, body, contentType);
        }

        if (request.Headers.Keys.Any(k => k.StartsWith("ce-", StringComparison.OrdinalIgnoreCase)))
        {
            return DecodeResult.Reject("CloudEvent headers present but ce-specversion is missing");
        }

        return DecodePlainPush(body);
    }

    private DecodeResult DecodeStructured(byte[] body, string contentType)
    {
        if (NonStringAttribute(body) is { } attribute)
        {
            return DecodeResult.Reject($"invalid structured-mode CloudEvent: attribute '{attribute}' is not a string");
        }

        CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.DecodeStructuredModeMessage(body, new ContentType(contentType), extensionAttributes: null);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return DecodeResult.Reject($"invalid structured-mode CloudEvent: {OneLine(ex.Message)}");
        }

        return FromCloudEvent(cloudEvent, body);
    }

    // The SDK writes a number or boolean given for any attribute as its text, so {"id": 5} would pass as
    // the id "5". Eventarc sends these as strings; another kind means a broken sender, refused here.
    private string? NonStringAttribute(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = Options.MaxJsonDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string? matched = null;
                foreach (var name in StringAttributes)
                {
                    if (reader.ValueTextEquals(name))
                    {
                        matched = name;
                        break;
                    }
                }

                reader.Read();
                if (matched is not null && reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    return matched;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the SDK's parse below refuses it with its own message.
        }

        return null;
    }

    private DecodeResult DecodeBinary(HttpRequest request, byte[] body, string contentType)
    {
        var version = CloudEventsSpecVersion.FromVersionId(request.Headers["ce-specversion"].ToString());
        if (version is null)
        {
            return DecodeResult.Reject($"unsupported CloudEvents spec version '{request.Headers["ce-specversion"]}'");
        }

        var cloudEvent = new CloudEvent(version);
        try
        {
            foreach (var header in request.Headers)
            {
                if (!header.Key.StartsWith("ce-", StringComparison.OrdinalIgnoreCase) ||
                    header.Key.Equals("ce-specversion", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = header.Key[3..].ToLowerInvariant();
                cloudEvent.SetAttributeFromString(name, Uri.UnescapeDataString(header.Value.ToString()));
            }

            if (contentType.Length > 0)
            {
                cloudEvent.DataContentType = contentType;
            }

            if (!cloudEvent.IsValid)
            {
                return DecodeResult.Reject("binary-mode CloudEvent is missing a required attribute (ce-id, ce-source or ce-type)");
            }

            if (!IsJsonContentType(contentType))
            {
                return DecodeResult.Reject($"CloudEvent data content type '{contentType}' is not JSON");
            }

            Formatter.DecodeBinaryModeEventData(body, cloudEvent);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return DecodeResult.Reject($"invalid binary-mode CloudEvent: {OneLine(ex.Message)}");
        }

        return FromCloudEvent(cloudEvent, body);
    }

    private DecodeResult FromCloudEvent(CloudEvent cloudEvent, byte[] body)
    {
        if (cloudEvent.Data is not JsonElement data || data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return DecodeResult.Reject("CloudEvent has no JSON data");
        }

        var source = cloudEvent.Source?.ToString();
        switch (cloudEvent.Type)
        {
            case CloudEventTypes.AuditLogWritten:
                if (data.ValueKind != JsonValueKind.Object)
                {
                    return DecodeResult.Reject("audit-log CloudEvent data is not a JSON object");
                }

                if (JsonStrings.HasUndecodable(data, body))
                {
                    return DecodeResult.Reject(UndecodablePayload);
                }

                var reason = Options.ValidatePayload(data);
                return reason is not null
                    ? DecodeResult.Reject(reason)
                    : DecodeResult.Accept(new InboundMessage(
                        InboundKind.AuditLogCloudEvent, data.Clone(), MessageId: null, PublishTime: cloudEvent.Time,
                        Attributes: EmptyAttributes, cloudEvent.Id, cloudEvent.Type, source, Subscription: null));

            case CloudEventTypes.PubSubMessagePublished:
                return FromPubSubEnvelope(data, InboundKind.PubSubCloudEvent, cloudEvent);

            default:
                return DecodeResult.Reject($"unsupported CloudEvent type '{cloudEvent.Type}'");
        }
    }

    private DecodeResult DecodePlainPush(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Options.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            return DecodeResult.Reject($"body is not valid JSON: {OneLine(ex.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("message", out _))
            {
                return DecodeResult.Reject("body is neither a CloudEvent nor a Pub/Sub push request (no 'message' object)");
            }

            return FromPubSubEnvelope(document.RootElement, InboundKind.PubSubPush, cloudEvent: null);
        }
    }

    private DecodeResult FromPubSubEnvelope(JsonElement envelope, InboundKind kind, CloudEvent? cloudEvent)
    {
        if (envelope.ValueKind != JsonValueKind.Object ||
            !envelope.TryGetProperty("message", out var message) ||
            message.ValueKind != JsonValueKind.Object)
        {
            return DecodeResult.Reject("Pub/Sub envelope has no 'message' object");
        }

        if (!message.TryGetProperty("data", out var dataElement) || dataElement.ValueKind != JsonValueKind.String)
        {
            return DecodeResult.Reject("Pub/Sub message has no 'data' string");
        }

        if (!JsonStrings.TryGet(dataElement, out var encoded))
        {
            return DecodeResult.Reject("Pub/Sub message data is not valid base64");
        }

        var decoded = new byte[(encoded.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(encoded, decoded, out var written))
        {
            return DecodeResult.Reject("Pub/Sub message data is not valid base64");
        }

        if (written == 0)
        {
            return DecodeResult.Reject("Pub/Sub message data is empty");
        }

        var data = decoded.AsSpan(0, written);
        if (!Utf8.IsValid(data))
        {
            return DecodeResult.Reject("Pub/Sub message data is not valid UTF-8");
        }

        JsonElement payload;
        try
        {
            using var inner = JsonDocument.Parse(decoded.AsMemory(0, written), new JsonDocumentOptions { MaxDepth = Options.MaxJsonDepth });
            if (inner.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DecodeResult.Reject("Pub/Sub message data is not a JSON object");
            }

            payload = inner.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return DecodeResult.Reject($"Pub/Sub message data is not valid JSON: {OneLine(ex.Message)}");
        }

        if (JsonStrings.HasUndecodable(payload, data))
        {
            return DecodeResult.Reject(UndecodablePayload);
        }

        var reason = Options.ValidatePayload(payload);
        if (reason is not null)
        {
            return DecodeResult.Reject(reason);
        }

        // Pub/Sub sends both spellings; either may be absent (or null), but one of another type is not Pub/Sub's.
        if (!TryOptionalString(message, "messageId", out var messageId) || !TryOptionalString(message, "message_id", out var messageIdSnake) ||
            !TryOptionalString(message, "publishTime", out var publishTimeText) || !TryOptionalString(message, "publish_time", out var publishTimeSnake) ||
            !TryOptionalString(envelope, "subscription", out var subscription))
        {
            return DecodeResult.Reject("Pub/Sub envelope field messageId, message_id, publishTime, publish_time or subscription is not a string");
        }

        messageId ??= messageIdSnake;
        DateTimeOffset? publishTime = null;
        foreach (var text in (ReadOnlySpan<string?>)[publishTimeSnake, publishTimeText])
        {
            if (text is null)
            {
                continue;
            }

            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return DecodeResult.Reject($"Pub/Sub message publishTime '{Truncate(text)}' is not a timestamp");
            }

            // publishTime wins when both spellings are present, as messageId does.
            publishTime = parsed;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.TryGetProperty("attributes", out var attrs) && attrs.ValueKind != JsonValueKind.Null)
        {
            if (attrs.ValueKind != JsonValueKind.Object)
            {
                return DecodeResult.Reject("Pub/Sub message attributes are not a JSON object");
            }

            foreach (var attr in attrs.EnumerateObject())
            {
                string name;
                try
                {
                    name = attr.Name;
                }
                catch (InvalidOperationException)
                {
                    return DecodeResult.Reject("Pub/Sub attribute name is not valid text");
                }

                if (!JsonStrings.TryGet(attr.Value, out var value))
                {
                    return DecodeResult.Reject($"Pub/Sub attribute '{Truncate(name)}' is not a string");
                }

                attributes[name] = value;
            }
        }

        return DecodeResult.Accept(new InboundMessage(
            kind, payload, messageId, publishTime ?? cloudEvent?.Time, attributes,
            cloudEvent?.Id, cloudEvent?.Type, cloudEvent?.Source?.ToString(), subscription));
    }

    // Absent and null are both "not given"; any other kind, or a string that does not decode, is refused.
    private static bool TryOptionalString(JsonElement element, string name, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (!JsonStrings.TryGet(property, out var text))
        {
            return false;
        }

        value = text;
        return true;
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool IsJsonContentType(string contentType) =>
        contentType.Length == 0 ||
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        contentType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase) ||
        (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private const string UndecodablePayload = "payload has a string that is not valid text (an escaped lone surrogate)";

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();

    private static string OneLine(string text) => Truncate(text.ReplaceLineEndings(" "));

    private static string Truncate(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
