using System.Globalization;
using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>A Rego string. Strings order by ordinal comparison.</summary>
public sealed class StringValue : Value
{
    public static readonly StringValue Empty = new(string.Empty);

    public StringValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    public string Value { get; }

    public override ValueKind Kind => ValueKind.String;

    private protected override int CompareSameKind(Value other) => string.CompareOrdinal(Value, ((StringValue)other).Value);

    private protected override bool EqualsSameKind(Value other) => string.Equals(Value, ((StringValue)other).Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override void WriteTerm(StringBuilder builder) => WriteQuoted(builder, Value);

    /// <summary>Appends a string as a double-quoted, JSON-escaped literal.</summary>
    public static void WriteQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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
}
