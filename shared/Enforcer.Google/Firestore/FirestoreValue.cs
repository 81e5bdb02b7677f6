using System.Collections.ObjectModel;
using System.Globalization;

namespace Enforcer.Google.Firestore;

/// <summary>
/// An immutable Firestore field value. Build with the From* factories or the implicit conversions
/// (<c>fields["n"] = 3</c>), read with the As* accessors, which throw when the kind does not match.
/// </summary>
public sealed partial class FirestoreValue : IEquatable<FirestoreValue>
{
    private static readonly IReadOnlyList<FirestoreValue> EmptyArray = [];
    private static readonly IReadOnlyDictionary<string, FirestoreValue> EmptyMap =
        new ReadOnlyDictionary<string, FirestoreValue>(new Dictionary<string, FirestoreValue>());

    // One boxed payload keeps the class small; values are built per write, not in hot loops.
    private readonly object? _payload;

    private FirestoreValue(FirestoreValueKind kind, object? payload)
    {
        Kind = kind;
        _payload = payload;
    }

    public FirestoreValueKind Kind { get; }

    public static FirestoreValue Null { get; } = new(FirestoreValueKind.Null, null);

    public static FirestoreValue True { get; } = new(FirestoreValueKind.Boolean, true);

    public static FirestoreValue False { get; } = new(FirestoreValueKind.Boolean, false);

    public bool IsNull => Kind == FirestoreValueKind.Null;

    public static FirestoreValue FromBoolean(bool value) => value ? True : False;

    public static FirestoreValue FromInteger(long value) => new(FirestoreValueKind.Integer, value);

    public static FirestoreValue FromDouble(double value) => new(FirestoreValueKind.Double, value);

    /// <summary>A timestamp, normalised to UTC. Firestore keeps microseconds.</summary>
    public static FirestoreValue FromTimestamp(DateTimeOffset value) => new(FirestoreValueKind.Timestamp, value.ToUniversalTime());

    public static FirestoreValue FromString(string? value) =>
        value is null ? Null : new(FirestoreValueKind.String, value);

    public static FirestoreValue FromBytes(ReadOnlySpan<byte> value) => new(FirestoreValueKind.Bytes, value.ToArray());

    /// <summary>A reference to a document by its full resource name (projects/P/databases/D/documents/...).</summary>
    public static FirestoreValue FromReference(string documentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentName);
        return new(FirestoreValueKind.Reference, documentName);
    }

    public static FirestoreValue FromGeoPoint(FirestoreGeoPoint value) => new(FirestoreValueKind.GeoPoint, value);

    public static FirestoreValue FromArray(IEnumerable<FirestoreValue> values) =>
        new(FirestoreValueKind.Array, Array.AsReadOnly(values.ToArray()));

    public static FirestoreValue FromArray(params FirestoreValue[] values) => FromArray((IEnumerable<FirestoreValue>)values);

    public static FirestoreValue FromMap(IEnumerable<KeyValuePair<string, FirestoreValue>> fields) =>
        new(FirestoreValueKind.Map, new ReadOnlyDictionary<string, FirestoreValue>(new Dictionary<string, FirestoreValue>(fields, StringComparer.Ordinal)));

    public bool AsBoolean() => Kind == FirestoreValueKind.Boolean ? (bool)_payload! : throw WrongKind(FirestoreValueKind.Boolean);

    public long AsInteger() => Kind == FirestoreValueKind.Integer ? (long)_payload! : throw WrongKind(FirestoreValueKind.Integer);

    /// <summary>The number as a double; integers widen, since Firestore compares them numerically too.</summary>
    public double AsDouble() => Kind switch
    {
        FirestoreValueKind.Double => (double)_payload!,
        FirestoreValueKind.Integer => (long)_payload!,
        _ => throw WrongKind(FirestoreValueKind.Double),
    };

    public DateTimeOffset AsTimestamp() => Kind == FirestoreValueKind.Timestamp ? (DateTimeOffset)_payload! : throw WrongKind(FirestoreValueKind.Timestamp);

    public string AsString() => Kind == FirestoreValueKind.String ? (string)_payload! : throw WrongKind(FirestoreValueKind.String);

    public ReadOnlyMemory<byte> AsBytes() => Kind == FirestoreValueKind.Bytes ? (byte[])_payload! : throw WrongKind(FirestoreValueKind.Bytes);

    public string AsReference() => Kind == FirestoreValueKind.Reference ? (string)_payload! : throw WrongKind(FirestoreValueKind.Reference);

    public FirestoreGeoPoint AsGeoPoint() => Kind == FirestoreValueKind.GeoPoint ? (FirestoreGeoPoint)_payload! : throw WrongKind(FirestoreValueKind.GeoPoint);

    public IReadOnlyList<FirestoreValue> AsArray() => Kind == FirestoreValueKind.Array ? (IReadOnlyList<FirestoreValue>)_payload! : throw WrongKind(FirestoreValueKind.Array);

    public IReadOnlyDictionary<string, FirestoreValue> AsMap() => Kind == FirestoreValueKind.Map ? (IReadOnlyDictionary<string, FirestoreValue>)_payload! : throw WrongKind(FirestoreValueKind.Map);

    /// <summary>The string, or null for any other kind.</summary>
    public string? TryGetString() => Kind == FirestoreValueKind.String ? (string)_payload! : null;

    /// <summary>The integer, or null for any other kind.</summary>
    public long? TryGetInteger() => Kind == FirestoreValueKind.Integer ? (long)_payload! : null;

    /// <summary>The timestamp, or null for any other kind.</summary>
    public DateTimeOffset? TryGetTimestamp() => Kind == FirestoreValueKind.Timestamp ? (DateTimeOffset)_payload! : null;

    /// <summary>The boolean, or null for any other kind.</summary>
    public bool? TryGetBoolean() => Kind == FirestoreValueKind.Boolean ? (bool)_payload! : null;

    public static implicit operator FirestoreValue(bool value) => FromBoolean(value);

    public static implicit operator FirestoreValue(int value) => FromInteger(value);

    public static implicit operator FirestoreValue(long value) => FromInteger(value);

    public static implicit operator FirestoreValue(double value) => FromDouble(value);

    public static implicit operator FirestoreValue(string? value) => FromString(value);

    public static implicit operator FirestoreValue(DateTimeOffset value) => FromTimestamp(value);

    public bool Equals(FirestoreValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            FirestoreValueKind.Null => true,
            FirestoreValueKind.Bytes => ((byte[])_payload!).AsSpan().SequenceEqual((byte[])other._payload!),
            FirestoreValueKind.Array => AsArray().SequenceEqual(other.AsArray()),
            FirestoreValueKind.Map => MapEquals(AsMap(), other.AsMap()),
            _ => _payload!.Equals(other._payload),
        };
    }

    public override bool Equals(object? obj) => obj is FirestoreValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        FirestoreValueKind.Null => 0,
        FirestoreValueKind.Array => HashCode.Combine(Kind, AsArray().Count),
        FirestoreValueKind.Map => HashCode.Combine(Kind, AsMap().Count),
        FirestoreValueKind.Bytes => HashCode.Combine(Kind, ((byte[])_payload!).Length),
        _ => HashCode.Combine(Kind, _payload),
    };

    public static bool operator ==(FirestoreValue? left, FirestoreValue? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(FirestoreValue? left, FirestoreValue? right) => !(left == right);

    /// <summary>Plain JSON form, for logs and test messages.</summary>
    public override string ToString() => Kind switch
    {
        FirestoreValueKind.Integer => AsInteger().ToString(CultureInfo.InvariantCulture),
        _ => ToJsonNode()?.ToJsonString() ?? "null",
    };

    internal static IReadOnlyList<FirestoreValue> NoValues => EmptyArray;

    internal static IReadOnlyDictionary<string, FirestoreValue> NoFields => EmptyMap;

    private static bool MapEquals(IReadOnlyDictionary<string, FirestoreValue> left, IReadOnlyDictionary<string, FirestoreValue> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }

    private InvalidOperationException WrongKind(FirestoreValueKind expected) =>
        new($"Firestore value is {Kind}, not {expected}.");
}
