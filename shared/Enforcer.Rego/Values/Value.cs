using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>
/// An immutable Rego value. Values are totally ordered the way OPA orders them
/// (null &lt; boolean &lt; number &lt; string &lt; array &lt; object &lt; set), so sorted containers give
/// deterministic output. "Undefined" is not a value: APIs return <c>null</c> or a result type for it.
/// </summary>
public abstract class Value : IComparable<Value>, IEquatable<Value>
{
    private protected Value()
    {
    }

    /// <summary>The kind of this value, which is also its rank in the ordering across kinds.</summary>
    public abstract ValueKind Kind { get; }

    /// <summary>The type name OPA uses in messages: null, boolean, number, string, array, object, set.</summary>
    public string TypeName => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "boolean",
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.Array => "array",
        ValueKind.Object => "object",
        _ => "set",
    };

    public static NullValue Null => NullValue.Instance;

    public static BooleanValue True => BooleanValue.True;

    public static BooleanValue False => BooleanValue.False;

    public static BooleanValue From(bool value) => value ? BooleanValue.True : BooleanValue.False;

    public static NumberValue From(long value) => NumberValue.FromInt64(value);

    public static NumberValue From(int value) => NumberValue.FromInt64(value);

    public static StringValue From(string value) => new(value);

    /// <summary>Compares two values in OPA's total order.</summary>
    public static int Compare(Value left, Value right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        var kindOrder = ((int)left.Kind).CompareTo((int)right.Kind);
        return kindOrder != 0 ? kindOrder : left.CompareSameKind(right);
    }

    /// <summary>Compares with another value of the same kind.</summary>
    private protected abstract int CompareSameKind(Value other);

    public int CompareTo(Value? other) => other is null ? 1 : Compare(this, other);

    public bool Equals(Value? other) => other is not null && (ReferenceEquals(this, other) || (Kind == other.Kind && EqualsSameKind(other)));

    /// <summary>Equality with a value of the same kind; composites override for speed.</summary>
    private protected virtual bool EqualsSameKind(Value other) => CompareSameKind(other) == 0;

    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    public abstract override int GetHashCode();

    public static bool operator ==(Value? left, Value? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Value? left, Value? right) => !(left == right);

    public static bool operator <(Value left, Value right) => Compare(left, right) < 0;

    public static bool operator >(Value left, Value right) => Compare(left, right) > 0;

    public static bool operator <=(Value left, Value right) => Compare(left, right) <= 0;

    public static bool operator >=(Value left, Value right) => Compare(left, right) >= 0;

    /// <summary>The value written as a Rego term, e.g. <c>{"a": [1, "x"]}</c> or <c>set()</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        WriteTerm(builder);
        return builder.ToString();
    }

    /// <summary>Appends the Rego term syntax of this value.</summary>
    public abstract void WriteTerm(StringBuilder builder);

    /// <summary>The value as compact JSON (sets become arrays, non-string object keys become their term text).</summary>
    public string ToJson() => RegoJson.Serialize(this);
}
