using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcer.Google.Firestore;

// Conversions between values and JSON: the Firestore wire form ({"integerValue":"1"}) and plain JSON.
public sealed partial class FirestoreValue
{
    /// <summary>
    /// Converts plain JSON to a value: integral numbers that fit a long become integers, other numbers
    /// doubles, objects maps. Strings stay strings (no guessing of timestamps).
    /// </summary>
    public static FirestoreValue FromJsonNode(JsonNode? node) => node switch
    {
        null => Null,
        JsonObject obj => FromMap(obj.Select(p => KeyValuePair.Create(p.Key, FromJsonNode(p.Value)))),
        JsonArray array => FromArray(array.Select(FromJsonNode)),
        JsonValue value => FromJsonValue(value),
        _ => throw new ArgumentException($"Unsupported JSON node {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>Converts plain JSON to a value (see <see cref="FromJsonNode"/>).</summary>
    public static FirestoreValue FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.String => FromString(element.GetString()),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? FromInteger(l) : FromDouble(element.GetDouble()),
        JsonValueKind.Array => FromArray(element.EnumerateArray().Select(FromJsonElement)),
        JsonValueKind.Object => FromMap(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromJsonElement(p.Value)))),
        _ => throw new ArgumentException($"Unsupported JSON kind {element.ValueKind}.", nameof(element)),
    };

    /// <summary>
    /// Converts to plain JSON: timestamps as RFC 3339 strings, bytes as base64, references as their name,
    /// geo points as {latitude, longitude}. Non-finite doubles become strings ("NaN", "Infinity").
    /// </summary>
    public JsonNode? ToJsonNode() => Kind switch
    {
        FirestoreValueKind.Null => null,
        FirestoreValueKind.Boolean => JsonValue.Create(AsBoolean()),
        FirestoreValueKind.Integer => JsonValue.Create(AsInteger()),
        FirestoreValueKind.Double => double.IsFinite(AsDouble()) ? JsonValue.Create(AsDouble()) : JsonValue.Create(FormatDouble(AsDouble())),
        FirestoreValueKind.Timestamp => JsonValue.Create(FirestoreTimestamps.Format(AsTimestamp())),
        FirestoreValueKind.String => JsonValue.Create(AsString()),
        FirestoreValueKind.Bytes => JsonValue.Create(Convert.ToBase64String(AsBytes().Span)),
        FirestoreValueKind.Reference => JsonValue.Create(AsReference()),
        FirestoreValueKind.GeoPoint => new JsonObject { ["latitude"] = AsGeoPoint().Latitude, ["longitude"] = AsGeoPoint().Longitude },
        FirestoreValueKind.Array => new JsonArray(AsArray().Select(v => v.ToJsonNode()).ToArray()),
        FirestoreValueKind.Map => new JsonObject(AsMap().Select(p => KeyValuePair.Create(p.Key, p.Value.ToJsonNode()))),
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    };

    /// <summary>Writes the Firestore wire form of this value (a Value message).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        switch (Kind)
        {
            case FirestoreValueKind.Null:
                writer.WriteNull("nullValue");
                break;
            case FirestoreValueKind.Boolean:
                writer.WriteBoolean("booleanValue", AsBoolean());
                break;
            case FirestoreValueKind.Integer:
                // proto3 JSON carries int64 as a string so JavaScript readers keep precision.
                writer.WriteString("integerValue", AsInteger().ToString(CultureInfo.InvariantCulture));
                break;
            case FirestoreValueKind.Double:
                var d = AsDouble();
                if (double.IsFinite(d))
                {
                    writer.WriteNumber("doubleValue", d);
                }
                else
                {
                    writer.WriteString("doubleValue", FormatDouble(d));
                }

                break;
            case FirestoreValueKind.Timestamp:
                writer.WriteString("timestampValue", FirestoreTimestamps.Format(AsTimestamp()));
                break;
            case FirestoreValueKind.String:
                writer.WriteString("stringValue", AsString());
                break;
            case FirestoreValueKind.Bytes:
                writer.WriteBase64String("bytesValue", AsBytes().Span);
                break;
            case FirestoreValueKind.Reference:
                writer.WriteString("referenceValue", AsReference());
                break;
            case FirestoreValueKind.GeoPoint:
                writer.WriteStartObject("geoPointValue");
                writer.WriteNumber("latitude", AsGeoPoint().Latitude);
                writer.WriteNumber("longitude", AsGeoPoint().Longitude);
                writer.WriteEndObject();
                break;
            case FirestoreValueKind.Array:
                writer.WriteStartObject("arrayValue");
                writer.WriteStartArray("values");
                foreach (var item in AsArray())
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case FirestoreValueKind.Map:
                writer.WriteStartObject("mapValue");
                WriteFields(writer, AsMap());
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the Firestore wire form (a Value message).</summary>
    public static FirestoreValue ReadFrom(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "nullValue":
                    return Null;
                case "booleanValue":
                    return FromBoolean(v.GetBoolean());
                case "integerValue":
                    return FromInteger(v.ValueKind == JsonValueKind.String
                        ? long.Parse(v.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                        : v.GetInt64());
                case "doubleValue":
                    return FromDouble(v.ValueKind == JsonValueKind.String ? ParseDouble(v.GetString()!) : v.GetDouble());
                case "timestampValue":
                    return FromTimestamp(FirestoreTimestamps.Parse(v.GetString()!));
                case "stringValue":
                    return FromString(v.GetString()!);
                case "bytesValue":
                    return new FirestoreValue(FirestoreValueKind.Bytes, v.GetBytesFromBase64());
                case "referenceValue":
                    return FromReference(v.GetString()!);
                case "geoPointValue":
                    return FromGeoPoint(new FirestoreGeoPoint(
                        v.TryGetProperty("latitude", out var lat) ? lat.GetDouble() : 0,
                        v.TryGetProperty("longitude", out var lng) ? lng.GetDouble() : 0));
                case "arrayValue":
                    return v.TryGetProperty("values", out var values)
                        ? FromArray(values.EnumerateArray().Select(ReadFrom))
                        : FromArray(NoValues);
                case "mapValue":
                    return v.TryGetProperty("fields", out var fields) ? FromMap(ReadFields(fields)) : FromMap(NoFields);
                default:
                    continue;
            }
        }

        throw new JsonException("Firestore value without a known value field.");
    }

    /// <summary>Writes a "fields" property holding a Firestore field map.</summary>
    public static void WriteFields(Utf8JsonWriter writer, IReadOnlyDictionary<string, FirestoreValue> fields)
    {
        writer.WriteStartObject("fields");
        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a Firestore field map (the value of a "fields" property).</summary>
    public static IReadOnlyDictionary<string, FirestoreValue> ReadFields(JsonElement fields)
    {
        var result = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal);
        foreach (var property in fields.EnumerateObject())
        {
            result[property.Name] = ReadFrom(property.Value);
        }

        return result.AsReadOnly();
    }

    private static FirestoreValue FromJsonValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return FromJsonElement(element);
        }

        // Values built in code (JsonValue.Create(42)) are not element-backed: round-trip their text.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return FromJsonElement(document.RootElement);
    }

    private static string FormatDouble(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
