using System.Collections;
using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>
/// An immutable Rego object. Keys may be any value; entries are kept sorted by key (OPA order), which
/// gives deterministic output and binary-search lookup.
/// </summary>
public sealed class ObjectValue : Value, IReadOnlyCollection<KeyValuePair<Value, Value>>
{
    public static readonly ObjectValue Empty = new([], []);

    private readonly Value[] _keys;
    private readonly Value[] _values;
    private int _hash;

    private ObjectValue(Value[] keys, Value[] values)
    {
        _keys = keys;
        _values = values;
    }

    /// <summary>Builds an object; when a key repeats, the last entry wins.</summary>
    public static ObjectValue Create(IEnumerable<KeyValuePair<Value, Value>> entries)
    {
        var list = entries as IList<KeyValuePair<Value, Value>> ?? entries.ToList();
        if (list.Count == 0)
        {
            return Empty;
        }

        var keys = new Value[list.Count];
        var values = new Value[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            keys[i] = list[i].Key;
            values[i] = list[i].Value;
        }

        return CreateOwned(keys, values);
    }

    /// <summary>Builds an object from parallel arrays the caller gives up (sorted in place; last duplicate wins).</summary>
    public static ObjectValue CreateOwned(Value[] keys, Value[] values)
    {
        if (keys.Length == 0)
        {
            return Empty;
        }

        if (!IsStrictlySorted(keys))
        {
            // Stable sort by key so that "last wins" is well defined for duplicates.
            var order = new int[keys.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var k = keys;
            Array.Sort(order, (a, b) =>
            {
                var c = Compare(k[a], k[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            var sortedKeys = new List<Value>(keys.Length);
            var sortedValues = new List<Value>(keys.Length);
            foreach (var index in order)
            {
                if (sortedKeys.Count > 0 && Compare(sortedKeys[^1], keys[index]) == 0)
                {
                    sortedValues[^1] = values[index];
                    continue;
                }

                sortedKeys.Add(keys[index]);
                sortedValues.Add(values[index]);
            }

            return new ObjectValue([.. sortedKeys], [.. sortedValues]);
        }

        return new ObjectValue(keys, values);
    }

    /// <summary>Builds an object of string keys.</summary>
    public static ObjectValue FromStrings(IEnumerable<KeyValuePair<string, Value>> entries) =>
        Create(entries.Select(e => new KeyValuePair<Value, Value>(new StringValue(e.Key), e.Value)));

    public override ValueKind Kind => ValueKind.Object;

    public int Count => _keys.Length;

    /// <summary>Keys in sorted order.</summary>
    public ReadOnlySpan<Value> Keys => _keys;

    /// <summary>Values in key order.</summary>
    public ReadOnlySpan<Value> Values => _values;

    public Value? this[Value key] => TryGetValue(key, out var v) ? v : null;

    public Value? this[string key] => TryGetValue(key, out var v) ? v : null;

    public bool ContainsKey(Value key) => IndexOf(key) >= 0;

    public bool TryGetValue(Value key, out Value value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : null!;
        return i >= 0;
    }

    /// <summary>Lookup by string key without allocating a <see cref="StringValue"/>.</summary>
    public bool TryGetValue(string key, out Value value)
    {
        int lo = 0, hi = _keys.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var k = _keys[mid];
            var c = k.Kind == ValueKind.String
                ? string.CompareOrdinal(((StringValue)k).Value, key)
                : ((int)k.Kind).CompareTo((int)ValueKind.String);
            if (c == 0)
            {
                value = _values[mid];
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>A copy with one entry added or replaced.</summary>
    public ObjectValue With(Value key, Value value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            var values = (Value[])_values.Clone();
            values[i] = value;
            return new ObjectValue(_keys, values);
        }

        var insert = ~i;
        var newKeys = new Value[_keys.Length + 1];
        var newValues = new Value[_keys.Length + 1];
        Array.Copy(_keys, 0, newKeys, 0, insert);
        Array.Copy(_values, 0, newValues, 0, insert);
        newKeys[insert] = key;
        newValues[insert] = value;
        Array.Copy(_keys, insert, newKeys, insert + 1, _keys.Length - insert);
        Array.Copy(_values, insert, newValues, insert + 1, _keys.Length - insert);
        return new ObjectValue(newKeys, newValues);
    }

    /// <summary>A copy without the given key.</summary>
    public ObjectValue Without(Value key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return this;
        }

        var newKeys = new Value[_keys.Length - 1];
        var newValues = new Value[_keys.Length - 1];
        Array.Copy(_keys, 0, newKeys, 0, i);
        Array.Copy(_values, 0, newValues, 0, i);
        Array.Copy(_keys, i + 1, newKeys, i, _keys.Length - i - 1);
        Array.Copy(_values, i + 1, newValues, i, _keys.Length - i - 1);
        return new ObjectValue(newKeys, newValues);
    }

    public IEnumerator<KeyValuePair<Value, Value>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<Value, Value>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(Value key)
    {
        if (key is StringValue s)
        {
            int lo = 0, hi = _keys.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var k = _keys[mid];
                var c = k.Kind == ValueKind.String
                    ? string.CompareOrdinal(((StringValue)k).Value, s.Value)
                    : ((int)k.Kind).CompareTo((int)ValueKind.String);
                if (c == 0)
                {
                    return mid;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return ~lo;
        }

        return Array.BinarySearch(_keys, key, ValueComparer.Instance);
    }

    private static bool IsStrictlySorted(Value[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (Compare(keys[i - 1], keys[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private protected override int CompareSameKind(Value other)
    {
        var o = (ObjectValue)other;
        var n = Math.Min(_keys.Length, o._keys.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(_keys[i], o._keys[i]);
            if (c != 0)
            {
                return c;
            }

            c = Compare(_values[i], o._values[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _keys.Length.CompareTo(o._keys.Length);
    }

    private protected override bool EqualsSameKind(Value other)
    {
        var o = (ObjectValue)other;
        if (o._keys.Length != _keys.Length || GetHashCode() != o.GetHashCode())
        {
            return false;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (!_keys[i].Equals(o._keys[i]) || !_values[i].Equals(o._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            h.Add(0x6f626a);
            for (var i = 0; i < _keys.Length; i++)
            {
                h.Add(_keys[i].GetHashCode());
                h.Add(_values[i].GetHashCode());
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    public override void WriteTerm(StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < _keys.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _keys[i].WriteTerm(builder);
            builder.Append(": ");
            _values[i].WriteTerm(builder);
        }

        builder.Append('}');
    }
}
