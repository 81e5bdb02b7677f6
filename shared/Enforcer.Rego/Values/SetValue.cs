using System.Collections;
using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>An immutable Rego set, kept sorted (OPA order) and free of duplicates.</summary>
public sealed class SetValue : Value, IReadOnlyCollection<Value>
{
    public static readonly SetValue Empty = new([], sorted: true);

    private readonly Value[] _items;
    private int _hash;

    private SetValue(Value[] items, bool sorted)
    {
        _items = sorted ? items : SortDistinct(items);
    }

    /// <summary>Builds a set from any elements (sorted and de-duplicated here).</summary>
    public static SetValue Create(IEnumerable<Value> items)
    {
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new SetValue(array, sorted: false);
    }

    /// <summary>Builds a set from an array the caller gives up (it is sorted in place).</summary>
    public static SetValue CreateOwned(Value[] items) => items.Length == 0 ? Empty : new SetValue(items, sorted: false);

    /// <summary>Wraps elements already sorted and distinct.</summary>
    internal static SetValue FromSortedDistinct(Value[] items) => items.Length == 0 ? Empty : new SetValue(items, sorted: true);

    public override ValueKind Kind => ValueKind.Set;

    public int Count => _items.Length;

    /// <summary>The elements in sorted order (no copy).</summary>
    public ReadOnlySpan<Value> AsSpan() => _items;

    /// <summary>The elements as an array, sorted (OPA order), shared rather than copied: neither side may mutate it.</summary>
    internal Value[] SharedItems => _items;

    public bool Contains(Value item) => Array.BinarySearch(_items, item, ValueComparer.Instance) >= 0;

    public SetValue Union(SetValue other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        var result = new List<Value>(_items.Length + other._items.Length);
        int i = 0, j = 0;
        while (i < _items.Length && j < other._items.Length)
        {
            var c = Compare(_items[i], other._items[j]);
            if (c < 0)
            {
                result.Add(_items[i++]);
            }
            else if (c > 0)
            {
                result.Add(other._items[j++]);
            }
            else
            {
                result.Add(_items[i++]);
                j++;
            }
        }

        for (; i < _items.Length; i++)
        {
            result.Add(_items[i]);
        }

        for (; j < other._items.Length; j++)
        {
            result.Add(other._items[j]);
        }

        return FromSortedDistinct([.. result]);
    }

    public SetValue Intersect(SetValue other)
    {
        var result = new List<Value>();
        int i = 0, j = 0;
        while (i < _items.Length && j < other._items.Length)
        {
            var c = Compare(_items[i], other._items[j]);
            if (c < 0)
            {
                i++;
            }
            else if (c > 0)
            {
                j++;
            }
            else
            {
                result.Add(_items[i++]);
                j++;
            }
        }

        return FromSortedDistinct([.. result]);
    }

    public SetValue Except(SetValue other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        var result = new List<Value>();
        foreach (var item in _items)
        {
            if (!other.Contains(item))
            {
                result.Add(item);
            }
        }

        return FromSortedDistinct([.. result]);
    }

    public IEnumerator<Value> GetEnumerator() => ((IEnumerable<Value>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private protected override int CompareSameKind(Value other)
    {
        var o = ((SetValue)other)._items;
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
        var o = ((SetValue)other)._items;
        if (o.Length != _items.Length || GetHashCode() != other.GetHashCode())
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
            h.Add(0x736574);
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
        if (_items.Length == 0)
        {
            builder.Append("set()");
            return;
        }

        builder.Append('{');
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            _items[i].WriteTerm(builder);
        }

        builder.Append('}');
    }

    private static Value[] SortDistinct(Value[] items)
    {
        if (items.Length < 2)
        {
            return items;
        }

        Array.Sort(items, ValueComparer.Instance);
        var n = 1;
        for (var i = 1; i < items.Length; i++)
        {
            if (Compare(items[i], items[n - 1]) != 0)
            {
                items[n++] = items[i];
            }
        }

        return n == items.Length ? items : items[..n];
    }
}
