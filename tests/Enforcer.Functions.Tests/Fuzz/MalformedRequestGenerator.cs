using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// Generates malformed deliveries for one host. Case <c>i</c> of seed <c>s</c> is always the same
/// request (its own <see cref="Random"/> is seeded from both), so a failure is reproduced by its
/// seed and index alone. Every case starts from a valid delivery of a captured payload and damages
/// one thing, so the answer is known: see <see cref="FuzzExpectation"/>.
/// </summary>
/// <remarks>
/// Transports: "audit-binary" / "audit-structured" (Eventarc audit-log CloudEvent, data = LogEntry),
/// "pubsub-binary" / "pubsub-structured" (Eventarc Pub/Sub CloudEvent, data = push envelope) and
/// "pubsub-push" (plain Pub/Sub push body).
/// </remarks>
internal sealed partial class MalformedRequestGenerator(FuzzTarget target, int seed, long maxBodyBytes)
{
    public const string AuditType = "google.cloud.audit.log.v1.written";
    public const string PubSubType = "google.cloud.pubsub.topic.v1.messagePublished";
    private const string StructuredContentType = "application/cloudevents+json; charset=utf-8";

    // Weights out of 100, in the order of the switch in Create.
    private static readonly (string Category, int Weight)[] Categories =
    [
        ("broken-json", 14),
        ("push-envelope-types", 12),
        ("payload-types", 14),
        ("huge", 1),
        ("invalid-base64", 8),
        ("data-not-json", 5),
        ("unknown-type", 7),
        ("ce-headers", 8),
        ("structured-envelope", 8),
        ("content-type", 5),
        ("deep-nesting", 4),
        ("invalid-utf8", 5),
        ("lone-surrogate", 3),
        ("empty-body", 3),
        ("method", 3),
    ];

    public int Seed => seed;

    public FuzzCase Create(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var roll = random.Next(Categories.Sum(c => c.Weight));
        var category = 0;
        while (roll >= Categories[category].Weight)
        {
            roll -= Categories[category].Weight;
            category++;
        }

        var made = category switch
        {
            0 => BrokenJson(random),
            1 => PushEnvelopeTypes(random),
            2 => PayloadTypes(random),
            3 => Huge(random),
            4 => InvalidBase64(random),
            5 => DataNotJson(random),
            6 => UnknownType(random),
            7 => CeHeaders(random),
            8 => StructuredEnvelope(random),
            9 => WrongContentType(random),
            10 => DeepNesting(random),
            11 => InvalidUtf8(random),
            12 => LoneSurrogate(random),
            13 => EmptyBody(random),
            _ => WrongMethod(random),
        };
        return new FuzzCase(index, Categories[category].Category, made.Detail, made.Request, made.Expected, made.Status);
    }

    private sealed record Made(string Detail, FuzzRequest Request, FuzzExpectation Expected, int? Status)
    {
        public static Made Bad(string detail, FuzzRequest request, int status = 400) => new(detail, request, FuzzExpectation.Rejected, status);
    }

    // ---- broken JSON: a valid document made invalid by one edit that can never leave valid JSON.
    private Made BrokenJson(Random random)
    {
        var payload = PickPayload(random);
        var where = random.Next(4);
        if (where == 0)
        {
            // The inner payload (base64 in message.data) is broken; the envelope is fine.
            var (broken, how) = Break(random, Serialize(ValidPayload(random, payload)));
            return Made.Bad($"{payload.Name} data {how}", DeliverPubSub(random, PickPubSubTransport(random), Encoding.UTF8.GetBytes(broken)));
        }

        var transport = Pick(random, payload.Transports);
        var request = Deliver(random, transport, ValidPayload(random, payload));
        var text = Encoding.UTF8.GetString(request.Body);
        var (damaged, edit) = Break(random, text);
        return Made.Bad($"{transport} body {edit}", request with { Body = Encoding.UTF8.GetBytes(damaged) });
    }

    private static (string Text, string How) Break(Random random, string json)
    {
        json = json.Trim();
        switch (random.Next(9))
        {
            case 0:
                var cut = random.Next(1, json.Length);
                return (json[..cut], $"truncated at {cut}");
            case 1:
                var tail = Pick(random, ["}", "x", ",", "{}", "]", "\"", "null", "\u0000"]);
                return (json + tail, "with trailing " + Escape(tail));
            case 2:
                var head = Pick(random, ["x", ",", "]", "}", "'", ":"]);
                return (head + json, "with leading " + head);
            case 3:
                var colon = json.IndexOf(':', StringComparison.Ordinal);
                var replacement = Pick(random, ["=", ";", " ", "::"]);
                return (json[..colon] + replacement + json[(colon + 1)..], $"first ':' replaced by '{replacement}'");
            case 4:
                return ("'" + json[1..].Replace("\"", "'", StringComparison.Ordinal), "single-quoted");
            case 5:
                return (json[..^1] + ",}", "with a trailing comma");
            case 6:
                return ("{/* comment */" + json[1..], "with a comment");
            case 7:
                var key = json.IndexOf('"', StringComparison.Ordinal);
                var end = json.IndexOf('"', key + 1);
                return (json[..key] + json[(key + 1)..end] + json[(end + 1)..], "first key unquoted");
            default:
                var literal = Pick(random, ["NaN", "Infinity", "undefined", "01", "+1", ".5", "0x10", "tru"]);
                return ("{\"x\": " + literal + ", " + json[1..], "with literal " + literal);
        }
    }

    // ---- wrong JSON types at the push envelope fields the decoder reads.
    private Made PushEnvelopeTypes(Random random)
    {
        var payload = PickPayload(random);
        var envelope = PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(ValidPayload(random, payload))));
        var message = envelope["message"]!.AsObject();
        string field;
        JsonNode? wrong;
        switch (random.Next(9))
        {
            case 0:
                field = "message";
                wrong = WrongValue(random, JsonValueKind.Object, nullAllowed: false);
                envelope["message"] = wrong;
                break;
            case 1:
                field = "message.data";
                wrong = WrongValue(random, JsonValueKind.String, nullAllowed: false);
                message["data"] = wrong;
                break;
            case 2:
                field = "message.attributes";
                wrong = WrongValue(random, JsonValueKind.Object, nullAllowed: true);
                message["attributes"] = wrong;
                break;
            case 3:
                field = "message.attributes[]";
                wrong = WrongValue(random, JsonValueKind.String, nullAllowed: false);
                message["attributes"]!.AsObject()[RandomText(random, 20)] = wrong;
                break;
            case 4:
                field = "message.publishTime (not a timestamp)";
                wrong = Pick(random, ["", "yesterday", "2026-13-45T99:99:99Z", "1700000000", "T", "2026-11-20 09:15 +99:00"]);
                message[random.Next(2) == 0 ? "publishTime" : "publish_time"] = wrong;
                break;
            case 5:
                field = Pick(random, ["message.messageId", "message.message_id", "message.publishTime", "message.publish_time", "subscription"]);
                wrong = WrongValue(random, JsonValueKind.String, nullAllowed: true);
                (field == "subscription" ? envelope : message)[field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..]] = wrong;
                break;
            case 6:
                field = "message (missing)";
                wrong = null;
                envelope.Remove("message");
                envelope["msg"] = message.DeepClone();
                break;
            case 7:
                field = "message.data (missing)";
                wrong = null;
                message.Remove("data");
                break;
            default:
                field = "(root)";
                wrong = WrongValue(random, JsonValueKind.Object, nullAllowed: false);
                var rootTransport = PickPubSubTransport(random);
                var rootBody = Encoding.UTF8.GetBytes(wrong?.ToJsonString() ?? "null");
                return Made.Bad($"{rootTransport} envelope is {Describe(wrong)}", rootTransport switch
                {
                    "pubsub-push" => Push(rootBody),
                    "pubsub-binary" => Binary(random, PubSubType, rootBody),
                    _ => Structured(StructuredEnvelope(random, PubSubType, wrong)),
                });
        }

        var transport = PickPubSubTransport(random);
        return Made.Bad($"{transport} {field} = {Describe(wrong)}", DeliverEnvelope(random, transport, envelope));
    }

    // ---- wrong JSON types at the payload fields the shape check and the mapping read.
    private Made PayloadTypes(Random random)
    {
        var payload = PickPayload(random);
        var json = ValidPayload(random, payload);
        var transport = Pick(random, payload.Transports);
        string detail;
        FuzzExpectation expected;
        var mode = random.Next(10);
        if (mode < 2 && payload.BothWrongIsRejected.Count > 0)
        {
            foreach (var path in payload.BothWrongIsRejected)
            {
                var kind = payload.Fields.First(f => f.Path == path).Kind;
                SetPath(json, path, WrongValue(random, kind, nullAllowed: false));
            }

            detail = "all of " + string.Join(", ", payload.BothWrongIsRejected) + " wrong";
            expected = FuzzExpectation.Rejected;
        }
        else if (mode < 4)
        {
            (detail, expected) = SemanticGarbage(random, payload, json);
        }
        else
        {
            var field = Pick(random, payload.Fields);
            var wrong = WrongValue(random, field.Kind, field.NullAllowed);
            SetPath(json, field.Path, wrong);
            detail = $"{field.Path} = {Describe(wrong)}";
            expected = field.WhenWrong;
            if (expected == FuzzExpectation.Ignored && payload.Secondary.Count > 0)
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var secondary = Pick(random, payload.Secondary);
                    var value = WrongValue(random, random.Next(2) == 0 ? JsonValueKind.String : JsonValueKind.Object, nullAllowed: false);
                    SetPath(json, secondary, value);
                    detail += $", {secondary} = {Describe(value)}";
                }
            }
        }

        // Unknown fields are noise every reader must skip.
        if (random.Next(4) == 0)
        {
            json[RandomText(random, 12)] = RandomJson(random, 3);
        }

        var request = Deliver(random, transport, json);
        return expected == FuzzExpectation.Rejected
            ? Made.Bad($"{transport} {payload.Name}: {detail}", request)
            : new Made($"{transport} {payload.Name}: {detail}", request, FuzzExpectation.Ignored, 200);
    }

    // Right types, meaningless values: the function accepts the delivery and says why it ignores it.
    private static (string Detail, FuzzExpectation Expected) SemanticGarbage(Random random, FuzzPayload payload, JsonObject json)
    {
        switch (payload.Name)
        {
            case "logentry":
                var (path, value) = random.Next(5) switch
                {
                    0 => ("protoPayload.methodName", "storage.buckets.get"),
                    1 => ("protoPayload.serviceName", RandomText(random, 30) + ".example.com"),
                    2 => ("logName", "projects/acme-prod/logs/cloudaudit.googleapis.com%2Fdata_access"),
                    3 => ("logName", "projects/acme-prod/logs/" + RandomText(random, 30)),
                    _ => ("protoPayload.@type", "type.googleapis.com/" + RandomText(random, 20)),
                };
                SetPath(json, path, value);
                return ($"{path} = \"{Escape(value)}\"", FuzzExpectation.Ignored);
            case "evaluation-request":
                if (random.Next(2) == 0)
                {
                    var assetType = "x" + RandomText(random, 40);
                    json["asset_type"] = assetType;
                    return ($"asset_type = \"{Escape(assetType)}\" (not in the catalog)", FuzzExpectation.Ignored);
                }

                var name = "x" + RandomText(random, 60);
                json["name"] = name;
                return ($"name = \"{Escape(name)}\" (not a bucket name)", FuzzExpectation.Ignored);
            default:
                var field = random.Next(2) == 0 ? "name" : "asset_type";
                json["resource"]!.AsObject()[field] = "";
                return ($"resource.{field} = \"\"", FuzzExpectation.Ignored);
        }
    }

    // ---- huge fields, under and over the body limit.
    private Made Huge(Random random)
    {
        if (random.Next(3) == 0)
        {
            var size = (int)maxBodyBytes + 1 + random.Next(64 * 1024);
            var body = new byte[size];
            var prefix = Encoding.UTF8.GetBytes("{\"message\": {\"data\": \"");
            prefix.CopyTo(body, 0);
            body.AsSpan(prefix.Length).Fill((byte)'A');
            var chunked = random.Next(2) == 0;
            return Made.Bad($"{size}-byte body over the {maxBodyBytes}-byte limit", new FuzzRequest("POST", "application/json", [], body, chunked), 413);
        }

        // Mostly tens to hundreds of KiB (cheap enough to run often); one in six just under the limit.
        var budget = random.Next(6) == 0
            ? (int)maxBodyBytes - 2048 - random.Next(64 * 1024)
            : random.Next(64 * 1024, 1024 * 1024);
        var payload = PickPayload(random);
        switch (random.Next(4))
        {
            case 0:
                // Base64 alphabet throughout, one '!' in the middle.
                var data = new StringBuilder(budget).Append('A', budget).ToString();
                data = data[..(budget / 2)] + "!" + data[((budget / 2) + 1)..];
                var envelope = PushEnvelope(random, [1]);
                envelope["message"]!["data"] = data;
                return Made.Bad($"message.data of {budget} chars with one invalid character", DeliverEnvelope(random, PickPubSubTransport(random), envelope));
            case 1:
                var type = "com.example." + new string('t', budget);
                return Made.Bad($"CloudEvent type of {type.Length} chars", Structured(StructuredEnvelope(random, type, JsonNode.Parse("{}"))));
            case 2:
                // A payload the function ignores, carrying one huge string (kept small enough that base64 fits the limit).
                var json = IgnorablePayload(random, payload);
                SetPath(json, "padding", new string('p', budget / 2));
                return new Made($"{payload.Name} with a {budget / 2}-char field, ignorable", Deliver(random, PickPubSubTransport(random), json), FuzzExpectation.Ignored, 200);
            default:
                // Tens of thousands of attributes on a message the function ignores.
                var many = PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(IgnorablePayload(random, payload))));
                var attributes = many["message"]!["attributes"]!.AsObject();
                var count = Math.Min(50_000, budget / 40);
                for (var i = 0; i < count; i++)
                {
                    attributes["a" + i.ToString(CultureInfo.InvariantCulture)] = "v";
                }

                return new Made($"{count} attributes on an ignorable {payload.Name}", DeliverEnvelope(random, PickPubSubTransport(random), many), FuzzExpectation.Ignored, 200);
        }
    }

    // ---- message.data that is not base64.
    private Made InvalidBase64(Random random)
    {
        var payload = PickPayload(random);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Serialize(ValidPayload(random, payload))));
        string data;
        string how;
        switch (random.Next(7))
        {
            case 0:
                var at = random.Next(encoded.Length);
                var bad = Pick(random, ["!", "*", "%", ".", "$", "é", "\\", "\"", "{"]);
                data = encoded[..at] + bad + encoded[at..];
                how = $"'{Escape(bad)}' inserted at {at}";
                break;
            case 1:
                var url = encoded.Replace('+', '-').Replace('/', '_');
                data = url == encoded ? "-" + url[1..] : url;
                how = "URL-safe alphabet";
                break;
            case 2:
                data = encoded.TrimEnd('=') + "A";
                data = data.Length % 4 == 0 ? data + "A" : data;
                how = "length not a multiple of 4";
                break;
            case 3:
                data = Pick(random, ["=", "====", "A===", "QQ=A", "=QQ=", "QUJD=ABC"]);
                how = "bad padding";
                break;
            case 4:
                data = "data:application/json;base64," + encoded;
                how = "data URL";
                break;
            case 5:
                data = string.Empty;
                how = "empty";
                break;
            default:
                data = "!" + RandomText(random, 200);
                how = "random text";
                break;
        }

        var envelope = PushEnvelope(random, [1]);
        envelope["message"]!["data"] = data;
        var transport = PickPubSubTransport(random);
        return Made.Bad($"{transport} message.data: {how}", DeliverEnvelope(random, transport, envelope));
    }

    // ---- base64 of something that is not a JSON object.
    private Made DataNotJson(Random random)
    {
        byte[] inner;
        string what;
        switch (random.Next(6))
        {
            case 0:
                what = "plain text";
                inner = Encoding.UTF8.GetBytes("x" + RandomText(random, 300));
                break;
            case 1:
                what = "a JSON value that is not an object";
                inner = Encoding.UTF8.GetBytes(Pick(random, ["[]", "[1,2]", "1", "-0.5e3", "\"text\"", "true", "false", "null", "[{\"logName\": \"x\"}]"]));
                break;
            case 2:
                what = "random bytes";
                inner = new byte[random.Next(1, 512)];
                random.NextBytes(inner);
                inner[0] = 0xFF;
                break;
            case 3:
                what = "UTF-16 JSON";
                inner = Encoding.Unicode.GetBytes(Serialize(ValidPayload(random, PickPayload(random))));
                break;
            case 4:
                what = "a UTF-8 byte order mark before the object";
                inner = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Serialize(ValidPayload(random, PickPayload(random))))];
                break;
            default:
                what = "two JSON objects";
                var one = Serialize(ValidPayload(random, PickPayload(random)));
                inner = Encoding.UTF8.GetBytes(one + one);
                break;
        }

        var transport = PickPubSubTransport(random);
        return Made.Bad($"{transport} data is {what}", DeliverPubSub(random, transport, inner));
    }

    // ---- CloudEvent types the functions do not take.
    private Made UnknownType(Random random)
    {
        var payload = PickPayload(random);
        var json = ValidPayload(random, payload);
        var binary = random.Next(2) == 0;
        var type = random.Next(6) switch
        {
            0 => Pick(random, ["google.cloud.audit.log.v1.Written", "google.cloud.pubsub.topic.v1.messagepublished", "google.cloud.storage.object.v1.finalized", "google.cloud.audit.log.v2.written", "google.cloud.audit.log.v1.written ", " google.cloud.pubsub.topic.v1.messagePublished"]),
            1 => "com.example." + RandomText(random, 40, headerSafe: binary),
            2 => string.Empty,
            3 => binary ? "google.cloud.audit.log.v1.written%0Aforged: yes" : "google.cloud.audit.log.v1.written\nforged: yes",
            4 => binary ? "%F0%9F%92%A5%ED%A0%80" : "\U0001F4A5 type",
            _ => new string('x', random.Next(1000, 20_000)),
        };
        var data = random.Next(2) == 0 ? json : PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)));
        var request = binary
            ? Binary(random, type, Encoding.UTF8.GetBytes(Serialize(data)))
            : Structured(StructuredEnvelope(random, type, data));
        return Made.Bad($"{(binary ? "binary" : "structured")} type \"{Escape(Truncated(type))}\"", request);
    }

    // ---- binary-mode CloudEvents with missing or invalid ce-* headers.
    private Made CeHeaders(Random random)
    {
        var payload = PickPayload(random);
        var isAudit = payload.Transports.Contains("audit-binary");
        var type = isAudit && random.Next(2) == 0 ? AuditType : PubSubType;
        var json = ValidPayload(random, payload);
        var body = Encoding.UTF8.GetBytes(type == AuditType ? Serialize(json) : Serialize(PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)))));
        var request = Binary(random, type, body);
        var headers = request.Headers.ToList();
        string how;
        switch (random.Next(8))
        {
            case 0:
                var missing = Pick(random, ["ce-id", "ce-source", "ce-type"]);
                headers.RemoveAll(h => h.Key == missing);
                how = "without " + missing;
                break;
            case 1:
                var version = Pick(random, ["0.3", "2.0", "1", "1.0.0", "", "one", "1.0 "]);
                Replace(headers, "ce-specversion", version);
                how = $"ce-specversion '{version}'";
                break;
            case 2:
                headers.RemoveAll(h => h.Key == "ce-specversion");
                how = "without ce-specversion";
                break;
            case 3:
                var time = Pick(random, ["yesterday", "2026-13-01T00:00:00Z", "1700000000", "2026-11-20", "T09:15:04Z", "2026-11-20T25:61:00Z"]);
                Replace(headers, "ce-time", time);
                how = $"ce-time '{time}'";
                break;
            case 4:
                var name = Pick(random, ["ce-my_ext", "ce-my.ext", "ce-", "ce-data"]);
                headers.Add(new(name, "x"));
                how = $"header {name}";
                break;
            case 5:
                headers.Add(new("ce-type", "com.example.second"));
                how = "two ce-type headers";
                break;
            case 6:
                Replace(headers, "ce-id", string.Empty);
                how = "empty ce-id";
                break;
            default:
                var dataschema = Pick(random, ["::", "http://[::1", "%%%"]);
                headers.Add(new("ce-dataschema", dataschema));
                headers.RemoveAll(h => h.Key == "ce-source");
                how = $"ce-dataschema '{dataschema}' and no ce-source";
                break;
        }

        return Made.Bad($"binary {type}: {how}", request with { Headers = headers });
    }

    // ---- structured-mode CloudEvents with broken envelopes.
    private Made StructuredEnvelope(Random random)
    {
        var payload = PickPayload(random);
        var json = ValidPayload(random, payload);
        var isAudit = payload.Transports.Contains("audit-structured") && random.Next(2) == 0;
        var data = isAudit ? json : PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)));
        var envelope = StructuredEnvelope(random, isAudit ? AuditType : PubSubType, data);
        string how;
        switch (random.Next(9))
        {
            case 0:
                var attribute = Pick(random, ["specversion", "id", "source", "type"]);
                envelope.Remove(attribute);
                how = "without " + attribute;
                break;
            case 1:
                var required = Pick(random, ["specversion", "id", "source", "type", "data"]);
                var wrong = WrongValue(random, required == "data" ? JsonValueKind.Object : JsonValueKind.String, nullAllowed: false);
                envelope[required] = wrong;
                how = $"{required} = {Describe(wrong)}";
                break;
            case 2:
                var optional = Pick(random, ["time", "subject", "dataschema", "datacontenttype"]);
                var bad = WrongValue(random, JsonValueKind.String, nullAllowed: true);
                envelope[optional] = bad;
                how = $"{optional} = {Describe(bad)}";
                break;
            case 3:
                var time = Pick(random, ["yesterday", "2026-13-01T00:00:00Z", "1700000000", ""]);
                envelope["time"] = time;
                how = $"time '{time}'";
                break;
            case 4:
                envelope.Remove("data");
                envelope["data_base64"] = random.Next(2) == 0 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Serialize(data))) : "!!not base64!!";
                how = "data_base64 instead of data";
                break;
            case 5:
                envelope["data_base64"] = "e30=";
                how = "both data and data_base64";
                break;
            case 6:
                envelope["datacontenttype"] = Pick(random, ["text/plain", "application/xml", "application/octet-stream"]);
                if (random.Next(2) == 0)
                {
                    envelope["data"] = Serialize(data);
                }

                how = $"datacontenttype {envelope["datacontenttype"]}";
                break;
            case 7:
                var extension = Pick(random, ["myext", "My-Ext", "my_ext", "x"]);
                var extensionValue = random.Next(2) == 0 ? (JsonNode)new JsonObject { ["a"] = 1 } : new JsonArray(1, 2);
                envelope[extension] = extensionValue;
                how = $"extension {extension} = {Describe(extensionValue)}";
                break;
            default:
                envelope.Remove("data");
                how = "without data";
                break;
        }

        return Made.Bad($"structured {(isAudit ? "audit" : "pubsub")}: {how}", Structured(envelope));
    }

    // ---- content types that do not match the body.
    private Made WrongContentType(Random random)
    {
        var payload = PickPayload(random);
        var json = ValidPayload(random, payload);
        switch (random.Next(5))
        {
            case 0:
                // A structured CloudEvent labelled as plain JSON reads as a push body without 'message'.
                var envelope = StructuredEnvelope(random, PubSubType, PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json))));
                return Made.Bad("structured CloudEvent sent as application/json", new FuzzRequest("POST", Pick(random, ["application/json", "text/json", "application/json; charset=utf-8"]), [], Bytes(envelope)));
            case 1:
                var push = PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)));
                return Made.Bad("push body sent as application/cloudevents+json", new FuzzRequest("POST", StructuredContentType, [], Bytes(push)));
            case 2:
                var contentType = Pick(random, ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/octet-stream", "image/png"]);
                var binary = Binary(random, PubSubType, Bytes(PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)))), contentType);
                return Made.Bad($"binary CloudEvent with Content-Type {contentType}", binary);
            case 3:
                var batch = new JsonArray(StructuredEnvelope(random, PubSubType, PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)))));
                return Made.Bad("CloudEvents batch", new FuzzRequest("POST", "application/cloudevents-batch+json", [], Bytes(batch)));
            default:
                var broken = Pick(random, ["application/cloudevents+json; charset=", "application/cloudevents+json;;;", "application/cloudevents+json; charset=klingon", "application/cloudevents+json; charset=utf-32"]);
                var structured = StructuredEnvelope(random, PubSubType, PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json))));
                return Made.Bad($"structured CloudEvent with Content-Type '{broken}'", new FuzzRequest("POST", broken, [], Bytes(structured)));
        }
    }

    // ---- nesting far beyond the depth limit (64), in every place a document is parsed.
    private Made DeepNesting(Random random)
    {
        var depth = Pick(random, [65, 100, 1_000, 10_000]);
        var nested = random.Next(3) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
            _ => new string('[', depth),
        };
        var payload = PickPayload(random);
        var json = ValidPayload(random, payload);
        var placeholder = "\"@@NESTED@@\"";
        switch (random.Next(4))
        {
            case 0:
                return Made.Bad($"push body is {depth}-deep", Push(Encoding.UTF8.GetBytes(nested)));
            case 1:
                json["deep"] = "@@NESTED@@";
                var inner = Serialize(json).Replace(placeholder, nested, StringComparison.Ordinal);
                var transport = PickPubSubTransport(random);
                return Made.Bad($"{transport} data has a {depth}-deep field", DeliverPubSub(random, transport, Encoding.UTF8.GetBytes(inner)));
            case 2:
                var envelope = PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)));
                envelope["message"]!["attributes"]!["deep"] = "@@NESTED@@";
                var body = Serialize(envelope).Replace(placeholder, nested, StringComparison.Ordinal);
                return Made.Bad($"push envelope attribute {depth}-deep", Push(Encoding.UTF8.GetBytes(body)));
            default:
                var structured = StructuredEnvelope(random, PubSubType, JsonValue.Create("@@NESTED@@"));
                var text = Serialize(structured).Replace(placeholder, nested, StringComparison.Ordinal);
                return random.Next(2) == 0
                    ? Made.Bad($"structured data {depth}-deep", new FuzzRequest("POST", StructuredContentType, [], Encoding.UTF8.GetBytes(text)))
                    : Made.Bad($"binary data {depth}-deep", Binary(random, random.Next(2) == 0 ? AuditType : PubSubType, Encoding.UTF8.GetBytes(nested)));
        }
    }

    // ---- byte sequences that are not UTF-8, in the body or in the decoded message data.
    private Made InvalidUtf8(Random random)
    {
        byte[][] sequences = [[0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFE, 0xFF]];
        var sequence = Pick(random, sequences);
        var payload = PickPayload(random);
        var json = Encoding.UTF8.GetBytes(Serialize(ValidPayload(random, payload)));
        var how = string.Join(' ', sequence.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        if (random.Next(2) == 0)
        {
            var transport = PickPubSubTransport(random);
            return Made.Bad($"{transport} data has {how} after a quote", DeliverPubSub(random, transport, InsertInString(random, json, sequence)));
        }

        var whole = Pick(random, payload.Transports);
        var request = Deliver(random, whole, ValidPayload(random, payload));
        return Made.Bad($"{whole} body has {how} after a quote", request with { Body = InsertInString(random, request.Body, sequence) });
    }

    // ---- escaped lone surrogates, which parse but do not decode to a string.
    private Made LoneSurrogate(Random random)
    {
        var payload = PickPayload(random);
        var json = ValidPayload(random, payload);
        var escape = Pick(random, ["\\ud800", "\\udfff", "\\uD83D", "x\\udc00y", "\\ud800\\ud800"]);
        const string Marker = "@@LONE@@";
        var transport = Pick(random, payload.Transports);
        var where = random.Next(4);
        string place;
        FuzzRequest request;
        if (where == 0 || transport.StartsWith("audit", StringComparison.Ordinal))
        {
            // In the payload itself.
            var path = payload.UniqueIdPath ?? "name";
            if (random.Next(2) == 0)
            {
                json[Marker] = "value";
                place = "payload property name";
            }
            else
            {
                SetPath(json, path, Marker);
                place = "payload " + path;
            }

            var text = Serialize(json).Replace(Marker, escape, StringComparison.Ordinal);
            request = transport.StartsWith("audit", StringComparison.Ordinal)
                ? (transport == "audit-binary"
                    ? Binary(random, AuditType, Encoding.UTF8.GetBytes(text))
                    : new FuzzRequest("POST", StructuredContentType, [], Encoding.UTF8.GetBytes(Serialize(StructuredEnvelope(random, AuditType, JsonValue.Create(Marker))).Replace("\"" + Marker + "\"", text, StringComparison.Ordinal))))
                : DeliverPubSub(random, transport, Encoding.UTF8.GetBytes(text));
        }
        else
        {
            var envelope = PushEnvelope(random, Encoding.UTF8.GetBytes(Serialize(json)));
            var message = envelope["message"]!.AsObject();
            place = Pick(random, ["message.messageId", "message.publishTime", "message.attributes value", "message.attributes name", "subscription", "message.data"]);
            switch (place)
            {
                case "message.messageId": message["messageId"] = Marker; break;
                case "message.publishTime": message["publishTime"] = Marker; break;
                case "message.attributes value": message["attributes"]!["k"] = Marker; break;
                case "message.attributes name": message["attributes"]![Marker] = "v"; break;
                case "subscription": envelope["subscription"] = Marker; break;
                default: message["data"] = "QUJD" + Marker; break;
            }

            var text = Serialize(envelope).Replace(Marker, escape, StringComparison.Ordinal);
            var pubsub = PickPubSubTransport(random);
            request = pubsub switch
            {
                "pubsub-push" => Push(Encoding.UTF8.GetBytes(text)),
                "pubsub-binary" => Binary(random, PubSubType, Encoding.UTF8.GetBytes(text)),
                _ => new FuzzRequest("POST", StructuredContentType, [], Encoding.UTF8.GetBytes(Serialize(StructuredEnvelope(random, PubSubType, JsonValue.Create(Marker))).Replace("\"" + Marker + "\"", text, StringComparison.Ordinal))),
            };
            transport = pubsub;
        }

        return Made.Bad($"{transport}: {escape} in {place}", request);
    }

    // ---- no body at all, or only whitespace.
    private Made EmptyBody(Random random)
    {
        var body = Pick(random, [string.Empty, string.Empty, " ", "\r\n\t "]);
        var contentType = Pick(random, [null, "application/json", StructuredContentType, "text/plain"]);
        if (random.Next(3) == 0)
        {
            var binary = Binary(random, random.Next(2) == 0 ? AuditType : PubSubType, Encoding.UTF8.GetBytes(body));
            return Made.Bad($"binary CloudEvent with body '{Escape(body)}'", binary);
        }

        return Made.Bad($"body '{Escape(body)}' as {contentType ?? "no content type"}", new FuzzRequest("POST", contentType, [], Encoding.UTF8.GetBytes(body)));
    }

    // ---- every method but POST.
    private Made WrongMethod(Random random)
    {
        var method = Pick(random, ["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO"]);
        var payload = PickPayload(random);
        var withBody = method is not ("GET" or "HEAD" or "TRACE") && random.Next(2) == 0;
        var request = withBody ? Deliver(random, Pick(random, payload.Transports), ValidPayload(random, payload)) : new FuzzRequest(method, null, [], []);
        return Made.Bad($"{method} {(withBody ? "with a valid delivery" : "without a body")}", request with { Method = method }, 405);
    }

    // ---- valid building blocks.
    private FuzzPayload PickPayload(Random random) => Pick(random, target.Payloads);

    private static JsonObject ValidPayload(Random random, FuzzPayload payload)
    {
        var json = payload.Parse();
        if (payload.UniqueIdPath is { } path)
        {
            SetPath(json, path, "fuzz-" + random.NextInt64().ToString("x", CultureInfo.InvariantCulture));
        }

        return json;
    }

    // A payload the function accepts and ignores, for cases that stress size rather than content.
    private static JsonObject IgnorablePayload(Random random, FuzzPayload payload)
    {
        var json = ValidPayload(random, payload);
        switch (payload.Name)
        {
            case "logentry": SetPath(json, "protoPayload.methodName", 0); break;
            case "evaluation-request": json["asset_type"] = "example.com/NotAType"; break;
            default: json["resource"]!["name"] = 0; break;
        }

        return json;
    }

    private static string PickPubSubTransport(Random random) => Pick(random, ["pubsub-binary", "pubsub-structured", "pubsub-push"]);

    private static FuzzRequest Deliver(Random random, string transport, JsonObject payload)
    {
        var bytes = Encoding.UTF8.GetBytes(Serialize(payload));
        return transport switch
        {
            "audit-binary" => Binary(random, AuditType, bytes),
            "audit-structured" => Structured(StructuredEnvelope(random, AuditType, payload)),
            _ => DeliverPubSub(random, transport, bytes),
        };
    }

    private static FuzzRequest DeliverPubSub(Random random, string transport, byte[] payloadBytes) =>
        DeliverEnvelope(random, transport, PushEnvelope(random, payloadBytes));

    private static FuzzRequest DeliverEnvelope(Random random, string transport, JsonObject envelope) => transport switch
    {
        "pubsub-push" => Push(Bytes(envelope)),
        "pubsub-binary" => Binary(random, PubSubType, Bytes(envelope)),
        "pubsub-structured" => Structured(StructuredEnvelope(random, PubSubType, envelope)),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "not a Pub/Sub transport"),
    };

    private static JsonObject PushEnvelope(Random random, byte[] payloadBytes) => new()
    {
        ["message"] = new JsonObject
        {
            ["data"] = Convert.ToBase64String(payloadBytes),
            ["attributes"] = new JsonObject { ["logging.googleapis.com/timestamp"] = "2026-11-20T09:15:02.123456Z" },
            ["messageId"] = random.NextInt64().ToString(CultureInfo.InvariantCulture),
            ["publishTime"] = "2026-11-20T09:15:04.000Z",
        },
        ["subscription"] = "projects/acme-enforcer/subscriptions/fuzz",
    };

    private static JsonObject StructuredEnvelope(Random random, string type, JsonNode? data)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = "evt-" + random.NextInt64().ToString("x", CultureInfo.InvariantCulture),
            ["source"] = "//pubsub.googleapis.com/projects/acme-enforcer/topics/fuzz",
            ["type"] = type,
            ["datacontenttype"] = "application/json",
            ["time"] = "2026-11-20T09:15:04Z",
        };
        if (data is not null)
        {
            envelope["data"] = data.Parent is null ? data : data.DeepClone();
        }

        return envelope;
    }

    private static FuzzRequest Push(byte[] body) => new("POST", "application/json", [], body);

    private static FuzzRequest Structured(JsonObject envelope) => new("POST", StructuredContentType, [], Bytes(envelope));

    private static FuzzRequest Binary(Random random, string type, byte[] body, string contentType = "application/json") => new(
        "POST",
        contentType,
        [
            new("ce-specversion", "1.0"),
            new("ce-id", "evt-" + random.NextInt64().ToString("x", CultureInfo.InvariantCulture)),
            new("ce-source", "//cloudaudit.googleapis.com/projects/acme-prod/logs/activity"),
            new("ce-type", type),
            new("ce-time", "2026-11-20T09:15:04Z"),
        ],
        body);

    // ---- small helpers.
    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Serialize(JsonNode node) => node.ToJsonString();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static void Replace(List<KeyValuePair<string, string>> headers, string name, string value)
    {
        headers.RemoveAll(h => h.Key == name);
        headers.Add(new(name, value));
    }

    /// <summary>Sets a dotted path, creating missing objects on the way (the fixtures have objects there).</summary>
    private static void SetPath(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = [];
                node[part] = next;
            }

            node = next;
        }

        node[parts[^1]] = value;
    }

    /// <summary>A value of any JSON kind other than <paramref name="expected"/> (and not null unless null is wrong too).</summary>
    private static JsonNode? WrongValue(Random random, JsonValueKind expected, bool nullAllowed)
    {
        while (true)
        {
            var (kind, value) = random.Next(9) switch
            {
                0 => (JsonValueKind.Number, (JsonNode?)JsonValue.Create(random.Next(-1000, 1000))),
                1 => (JsonValueKind.Number, JsonValue.Create(Pick(random, [1e308, -0.0, 3.14159, 1e-300, 9007199254740993d]))),
                2 => (JsonValueKind.True, JsonValue.Create(true)),
                3 => (JsonValueKind.False, JsonValue.Create(false)),
                4 => (JsonValueKind.Null, null),
                5 => (JsonValueKind.Array, new JsonArray()),
                6 => (JsonValueKind.Array, new JsonArray(RandomJson(random, 2), RandomJson(random, 2))),
                7 => (JsonValueKind.Object, new JsonObject { [RandomText(random, 8)] = RandomJson(random, 2) }),
                _ => (JsonValueKind.String, JsonValue.Create(RandomText(random, 40))),
            };
            var sameKind = kind == expected || (kind is JsonValueKind.True or JsonValueKind.False && expected is JsonValueKind.True or JsonValueKind.False);
            if (!sameKind && !(kind == JsonValueKind.Null && nullAllowed))
            {
                return value;
            }
        }
    }

    private static JsonNode? RandomJson(Random random, int depth)
    {
        var choice = depth <= 0 ? random.Next(4) : random.Next(6);
        return choice switch
        {
            0 => JsonValue.Create(random.Next()),
            1 => JsonValue.Create(RandomText(random, 16)),
            2 => JsonValue.Create(random.Next(2) == 0),
            3 => null,
            4 => new JsonArray(RandomJson(random, depth - 1), RandomJson(random, depth - 1)),
            _ => new JsonObject { [RandomText(random, 6)] = RandomJson(random, depth - 1) },
        };
    }

    /// <summary>
    /// Text with quotes, backslashes, control characters, non-Latin scripts and astral characters
    /// (never a lone surrogate, which a .NET string cannot carry into JSON: LoneSurrogate writes
    /// those as escapes); headerSafe keeps to printable ASCII.
    /// </summary>
    private static string RandomText(Random random, int maxLength, bool headerSafe = false)
    {
        string[] pieces = headerSafe
            ? ["a", "Z", "0", ".", "-", "_", "/", "%", " ", "~", "=", ";"]
            : ["a", "Z", "0", ".", "-", "/", "\"", "\\", "\n", "\t", "\u0000", "\u001f", " ", "é", "ß", "Ж", "中", "\u200b", "\u202e", "\U0001F4A5", "\uFFFD", "{", "}", "[", "]", ":", ","];
        var length = random.Next(1, maxLength + 1);
        var text = new StringBuilder(length + 2);
        while (text.Length < length)
        {
            text.Append(Pick(random, pieces));
        }

        return text.ToString();
    }

    private static byte[] InsertInString(Random random, byte[] json, byte[] sequence)
    {
        // After a random opening quote of a string; every body here has at least one string.
        var quotes = new List<int>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'"')
            {
                quotes.Add(i);
            }
        }

        var at = quotes[random.Next(quotes.Count)] + 1;
        return [.. json.AsSpan(0, at), .. sequence, .. json.AsSpan(at)];
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : Truncated(node.ToJsonString());

    private static string Truncated(string text) => text.Length <= 80 ? text : text[..80] + $"...({text.Length} chars)";

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
