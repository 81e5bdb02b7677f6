using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

/// <summary>
/// A mutable document under construction while rules with variable keys and child rules are merged;
/// a node is a leaf value, a map of keys, or a set. Conflicting leaves are eval_conflict_error.
/// </summary>
internal sealed class DocumentTree
{
    private Value? _leaf;
    private Dictionary<Value, DocumentTree>? _children;
    // Set elements in arrival order; sorted and de-duplicated when the value is built (cheaper than hashing
    // each element for the few elements a rule usually contributes), compacted if duplicates pile up.
    private List<Value>? _set;
    private int _compactAt = 1024;

    public static DocumentTree FromValue(ObjectValue value)
    {
        var tree = new DocumentTree { _children = [] };
        for (var i = 0; i < value.Count; i++)
        {
            tree._children[value.Keys[i]] = new DocumentTree { _leaf = value.Values[i] };
        }

        return tree;
    }

    public void EnsureSet()
    {
        if (_set is null && _children is null && _leaf is null)
        {
            _set = [];
        }
    }

    /// <summary>Replaces the value under one key (base data overridden by rules).</summary>
    public void Set(Value key, Value value)
    {
        _children ??= [];
        _children[key] = new DocumentTree { _leaf = value };
    }

    /// <summary>Adds a value (or a set element) at a key path, merging objects and reporting conflicts.</summary>
    public void Merge(Value[] keys, Value value, SourceSpan span, bool isSetElement)
    {
        var node = this;
        foreach (var key in keys)
        {
            if (node._leaf is not null)
            {
                throw Conflict(span);
            }

            if (node._set is not null)
            {
                throw Conflict(span);
            }

            node._children ??= [];
            if (!node._children.TryGetValue(key, out var next))
            {
                next = new DocumentTree();
                node._children[key] = next;
            }

            node = next;
        }

        if (isSetElement)
        {
            if (node._leaf is not null || node._children is not null)
            {
                throw Conflict(span);
            }

            node._set ??= [];
            node.AddElement(value);
            return;
        }

        node.MergeValue(value, span);
    }

    private void MergeValue(Value value, SourceSpan span)
    {
        if (_set is not null)
        {
            if (value is SetValue s)
            {
                foreach (var item in s)
                {
                    AddElement(item);
                }

                return;
            }

            throw Conflict(span);
        }

        if (_children is not null)
        {
            if (value is not ObjectValue o)
            {
                throw Conflict(span);
            }

            for (var i = 0; i < o.Count; i++)
            {
                if (!_children.TryGetValue(o.Keys[i], out var child))
                {
                    child = new DocumentTree();
                    _children[o.Keys[i]] = child;
                }

                child.MergeValue(o.Values[i], span);
            }

            return;
        }

        if (_leaf is not null)
        {
            if (!_leaf.Equals(value))
            {
                throw Conflict(span);
            }

            return;
        }

        _leaf = value;
    }

    private void AddElement(Value value)
    {
        _set!.Add(value);
        if (_set.Count >= _compactAt)
        {
            _set = [.. SetValue.Create(_set)];
            _compactAt = Math.Max(1024, 2 * _set.Count);
        }
    }

    private static EvalException Conflict(SourceSpan span) => new("eval_conflict_error", "object keys must be unique", span);

    public Value ToValue()
    {
        if (_leaf is not null)
        {
            return _leaf;
        }

        if (_set is not null)
        {
            return SetValue.Create(_set);
        }

        if (_children is null)
        {
            return ObjectValue.Empty;
        }

        var keys = new Value[_children.Count];
        var values = new Value[_children.Count];
        var i = 0;
        foreach (var (key, child) in _children)
        {
            keys[i] = key;
            values[i] = child.ToValue();
            i++;
        }

        return ObjectValue.CreateOwned(keys, values);
    }
}
