using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Enforcer.Rego.Values;

/// <summary>JSON to and from Rego values, without reflection. Numbers keep their exact value.</summary>
public static class RegoJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 512,
    };

    /// <summary>Parses JSON text; throws <see cref="JsonException"/> on malformed input.</summary>
    public static Value Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses UTF-8 JSON; throws <see cref="JsonException"/> on malformed input.</summary>
    public static Value Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("Empty JSON document.");
        }

        var value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value.");
        }

        return value;
    }

    /// <summary>Parses JSON text; returns false with a message instead of throwing.</summary>
    public static bool TryParse(string json, out Value value, out string? error)
    {
        try
        {
            value = Parse(json);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            value = Value.Null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Converts a <see cref="JsonElement"/> to a value.</summary>
    public static Value FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // Sized up front: resources are converted on every evaluation.
                var keys = new Value[element.GetPropertyCount()];
                var values = new Value[keys.Length];
                var at = 0;
                foreach (var property in element.EnumerateObject())
                {
                    keys[at] = new StringValue(property.Name);
                    values[at++] = FromElement(property.Value);
                }

                return ObjectValue.CreateOwned(keys, values);
            case JsonValueKind.Array:
                var length = element.GetArrayLength();
                if (length == 0)
                {
                    return ArrayValue.Empty;
                }

                var items = new Value[length];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[index++] = FromElement(item);
                }

                return new ArrayValue(items);
            case JsonValueKind.String:
                return new StringValue(element.GetString()!);
            case JsonValueKind.Number:
                return NumberValue.TryParse(element.GetRawText()) ?? throw new JsonException("Invalid number.");
            case JsonValueKind.True:
                return Value.True;
            case JsonValueKind.False:
                return Value.False;
            default:
                return Value.Null;
        }
    }

    /// <summary>Serialises a value as compact JSON.</summary>
    public static string Serialize(Value value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Per-thread writer and buffer of ToElement: a decision's plan is written and read back on every evaluation.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _elementBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _elementWriter;

    /// <summary>The value as a standalone <see cref="JsonElement"/> (what <see cref="Serialize"/> writes, without a string in between).</summary>
    public static JsonElement ToElement(Value value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = _elementBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _elementWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        Write(writer, value);
        writer.Flush();
        var reader = new Utf8JsonReader(buffer.WrittenSpan, ReaderOptions);
        var element = JsonElement.ParseValue(ref reader);
        if (buffer.Capacity > 64 * 1024)
        {
            // One huge value should not pin its buffer on the thread.
            _elementBuffer = null;
            _elementWriter = null;
        }

        return element;
    }

    /// <summary>Writes a value (sets as sorted arrays; non-string object keys as their own JSON text).</summary>
    public static void Write(Utf8JsonWriter writer, Value value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case NullValue:
                writer.WriteNullValue();
                break;
            case BooleanValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case NumberValue n:
                writer.WriteRawValue(n.ToString(), skipInputValidation: true);
                break;
            case StringValue s:
                writer.WriteStringValue(s.Value);
                break;
            case ArrayValue a:
                writer.WriteStartArray();
                foreach (var item in a.AsSpan())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case SetValue set:
                writer.WriteStartArray();
                foreach (var item in set.AsSpan())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ObjectValue o:
                writer.WriteStartObject();
                for (var i = 0; i < o.Count; i++)
                {
                    var key = o.Keys[i];
                    writer.WritePropertyName(key is StringValue sk ? sk.Value : Serialize(key));
                    Write(writer, o.Values[i]);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static Value ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var keys = new List<Value>();
                var values = new List<Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    keys.Add(new StringValue(reader.GetString()!));
                    reader.Read();
                    values.Add(ReadValue(ref reader));
                }

                return ObjectValue.CreateOwned([.. keys], [.. values]);
            case JsonTokenType.StartArray:
                var items = new List<Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items.Count == 0 ? ArrayValue.Empty : new ArrayValue([.. items]);
            case JsonTokenType.String:
                return new StringValue(reader.GetString()!);
            case JsonTokenType.Number:
                var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                return NumberValue.TryParse(Encoding.UTF8.GetString(raw)) ?? throw new JsonException("Invalid number.");
            case JsonTokenType.True:
                return Value.True;
            case JsonTokenType.False:
                return Value.False;
            case JsonTokenType.Null:
                return Value.Null;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }
}
