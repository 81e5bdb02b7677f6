using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// JSON as Go's encoding/json writes and reads it for OPA: HTML-safe escapes (\u003c, \u0026 ...),
/// sorted object keys, sets as arrays, MarshalIndent layout; strict RFC 8259 parsing.
/// </summary>
internal static class GoJson
{
    public static string Marshal(Value value) => Marshal(value, null, null);

    /// <summary>json.MarshalIndent when <paramref name="indent"/> is given (the prefix is not put before the first line).</summary>
    public static string Marshal(Value value, string? prefix, string? indent)
    {
        var builder = new StringBuilder();
        Write(builder, value, prefix ?? string.Empty, indent, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, Value value, string prefix, string? indent, int depth)
    {
        switch (value)
        {
            case NullValue:
                builder.Append("null");
                break;
            case BooleanValue b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case NumberValue n:
                builder.Append(n.ToString());
                break;
            case StringValue s:
                WriteString(builder, s.Value);
                break;
            case ArrayValue or SetValue:
                var items = value is ArrayValue a ? a.AsSpan() : ((SetValue)value).AsSpan();
                builder.Append('[');
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    NewLine(builder, prefix, indent, depth + 1);
                    Write(builder, items[i], prefix, indent, depth + 1);
                }

                if (items.Length > 0)
                {
                    NewLine(builder, prefix, indent, depth);
                }

                builder.Append(']');
                break;
            case ObjectValue o:
                var entries = new List<(string Key, Value Value)>(o.Count);
                for (var i = 0; i < o.Count; i++)
                {
                    entries.Add((o.Keys[i] is StringValue k ? k.Value : o.Keys[i].ToString(), o.Values[i]));
                }

                entries.Sort(static (x, y) => CompareUtf8(x.Key, y.Key));
                builder.Append('{');
                for (var i = 0; i < entries.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    NewLine(builder, prefix, indent, depth + 1);
                    WriteString(builder, entries[i].Key);
                    builder.Append(indent is null ? ":" : ": ");
                    Write(builder, entries[i].Value, prefix, indent, depth + 1);
                }

                if (entries.Count > 0)
                {
                    NewLine(builder, prefix, indent, depth);
                }

                builder.Append('}');
                break;
        }
    }

    private static void NewLine(StringBuilder builder, string prefix, string? indent, int depth)
    {
        if (indent is null)
        {
            return;
        }

        builder.Append('\n').Append(prefix);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(indent);
        }
    }

    /// <summary>Go sorts map keys by their UTF-8 bytes.</summary>
    private static int CompareUtf8(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length)
        {
            if (a[i] != b[i])
            {
                var ra = Rune.GetRuneAt(a, i);
                var rb = Rune.GetRuneAt(b, i);
                return ra.Value.CompareTo(rb.Value);
            }

            i++;
        }

        return a.Length.CompareTo(b.Length);
    }

    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c) && !char.IsSurrogatePair(value, i) && !(i > 0 && char.IsSurrogatePair(value, i - 1)))
                    {
                        builder.Append("\\ufffd");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Parses strict JSON (no comments, no trailing commas); null with an error message when invalid.</summary>
    public static Value? Parse(string text, out string? error)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 10000 });
        try
        {
            if (!reader.Read())
            {
                error = "unexpected end of JSON input";
                return null;
            }

            var value = Read(ref reader);
            if (reader.Read())
            {
                error = "invalid character after top-level value";
                return null;
            }

            error = null;
            return value;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static Value Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new Dictionary<string, Value>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();

                    // Go keeps the last of duplicate keys.
                    entries[key] = Read(ref reader);
                }

                return ObjectValue.FromStrings(entries);
            case JsonTokenType.StartArray:
                var items = new List<Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Read(ref reader));
                }

                return new ArrayValue([.. items]);
            case JsonTokenType.String:
                return new StringValue(reader.GetString()!);
            case JsonTokenType.Number:
                var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
                return NumberValue.TryParse(raw) ?? throw new JsonException($"json: cannot represent number {raw}");
            case JsonTokenType.True:
                return Value.True;
            case JsonTokenType.False:
                return Value.False;
            case JsonTokenType.Null:
                return Value.Null;
            default:
                throw new JsonException($"unexpected JSON token {reader.TokenType}");
        }
    }
}
