using System.Collections;
using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>An immutable Rego array.</summary>
public sealed class ArrayValue : Value, IReadOnlyList<Value>
{
    public static readonly ArrayValue Empty = new([]);

    private readonly Value[] _items;
    private int _hash;

    /// <summary>Wraps the array without copying; the caller must not mutate it afterwards.</summary>
    public ArrayValue(Value[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items;
    }

    public ArrayValue(IEnumerable<Value> items)
        : this(items.ToArray())
    {
    }

    public override ValueKind Kind => ValueKind.Array;

    public int Count => _items.Length;

    public Value this[int index] => _items[index];

    /// <summary>The elements as a span (no copy).</summary>
    public ReadOnlySpan<Value> AsSpan() => _items;

    public IEnumerator<Value> GetEnumerator() => ((IEnumerable<Value>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private protected override int CompareSameKind(Value other)
    {
        var o = ((ArrayValue)other)._items;
        var n = Math.Min(_items.Length, o.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(_items[i], o[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _items.Length.CompareTo(o.Length);
    }

    private protected override bool EqualsSameKind(Value other)
    {
        var o = ((ArrayValue)other)._items;
        if (o.Length != _items.Length || (_hash != 0 && ((ArrayValue)other)._hash != 0 && _hash != ((ArrayValue)other)._hash))
        {
            return false;
        }

        for (var i = 0; i < o.Length; i++)
        {
            if (!_items[i].Equals(o[i]))
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
            h.Add(0x617272);
            foreach (var item in _items)
            {
                h.Add(item.GetHashCode());
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    public override void WriteTerm(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _items[i].WriteTerm(builder);
        }

        builder.Append(']');
    }
}
