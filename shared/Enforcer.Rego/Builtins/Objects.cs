using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Object builtins: object.get, keys, union, union_n, remove, filter, subset.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterObjects(BuiltinTableBuilder builtins)
    {
        builtins.Add("object.get", 3, ObjectsGet, ["object", "any", "any"], "any");
        builtins.Add("object.keys", 1, ObjectsKeys, ["object"], "set");
        builtins.Add("object.union", 2, ObjectsUnion, ["object", "object"], "object");
        builtins.Add("object.union_n", 1, ObjectsUnionN, ["array"], "object");
        builtins.Add("object.remove", 2, ObjectsRemove, ["object", "any"], "object");
        builtins.Add("object.filter", 2, ObjectsFilter, ["object", "any"], "object");
        builtins.Add("object.subset", 2, ObjectsSubset, ["any", "any"], "boolean");
    }

    private static BuiltinResult ObjectsGet(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var obj, out var error))
        {
            return error;
        }

        if (args[1] is not ArrayValue path)
        {
            return obj.TryGetValue(args[1], out var direct) ? direct : args[2];
        }

        Value current = obj;
        foreach (var segment in path.AsSpan())
        {
            var next = ObjectsStep(current, segment);
            if (next is null)
            {
                return args[2];
            }

            current = next;
        }

        return current;
    }

    /// <summary>One step of a path lookup, as OPA's Value.Find: object key, array index, or set member.</summary>
    private static Value? ObjectsStep(Value current, Value segment) => current switch
    {
        ObjectValue o => o.TryGetValue(segment, out var v) ? v : null,
        ArrayValue a => segment is NumberValue n && n.TryGetInt64(out var i) && i >= 0 && i < a.Count ? a[(int)i] : null,
        SetValue s => s.Contains(segment) ? segment : null,
        _ => null,
    };

    private static BuiltinResult ObjectsKeys(BuiltinContext context, ReadOnlySpan<Value> args) =>
        OperandObject(context, args[0], 1, out var obj, out var error) ? SetValue.Create(obj.Keys.ToArray()) : error;

    private static BuiltinResult ObjectsUnion(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var a, out var error) ||
            !OperandObject(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        return ObjectsMerge(a, b);
    }

    /// <summary>Merge with overwrite: b wins, except that two objects under one key merge recursively.</summary>
    private static ObjectValue ObjectsMerge(ObjectValue a, ObjectValue b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        // One pass over both sorted key lists.
        var keys = new Value[a.Count + b.Count];
        var values = new Value[a.Count + b.Count];
        int i = 0, j = 0, n = 0;
        while (i < a.Count || j < b.Count)
        {
            var c = i == a.Count ? 1 : j == b.Count ? -1 : Value.Compare(a.Keys[i], b.Keys[j]);
            if (c < 0)
            {
                keys[n] = a.Keys[i];
                values[n++] = a.Values[i++];
            }
            else if (c > 0)
            {
                keys[n] = b.Keys[j];
                values[n++] = b.Values[j++];
            }
            else
            {
                keys[n] = a.Keys[i];
                values[n++] = a.Values[i] is ObjectValue left && b.Values[j] is ObjectValue right ? ObjectsMerge(left, right) : b.Values[j];
                i++;
                j++;
            }
        }

        if (n < keys.Length)
        {
            Array.Resize(ref keys, n);
            Array.Resize(ref values, n);
        }

        return ObjectValue.CreateOwned(keys, values);
    }

    private static BuiltinResult ObjectsUnionN(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandArray(context, args[0], 1, out var array, out var error))
        {
            return error;
        }

        var result = ObjectValue.Empty;
        foreach (var item in array.AsSpan())
        {
            if (item is not ObjectValue obj)
            {
                return OperandElementError(context, 1, array, item, "object");
            }

            result = ObjectsMerge(result, obj);
        }

        return result;
    }

    /// <summary>The keys named by an array, set, or object (its keys) operand.</summary>
    private static bool ObjectsKeyParameter(BuiltinContext context, Value value, out SetValue keys, out BuiltinResult error)
    {
        error = default;
        switch (value)
        {
            case ArrayValue a:
                keys = SetValue.Create(a);
                return true;
            case SetValue s:
                keys = s;
                return true;
            case ObjectValue o:
                keys = SetValue.Create(o.Keys.ToArray());
                return true;
            default:
                keys = SetValue.Empty;
                error = BuiltinResult.OperandTypeError(context, 2, value, "one of {object, set, array}");
                return false;
        }
    }

    private static BuiltinResult ObjectsRemove(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var obj, out var error) ||
            !ObjectsKeyParameter(context, args[1], out var keys, out error))
        {
            return error;
        }

        var entries = new List<KeyValuePair<Value, Value>>(obj.Count);
        foreach (var entry in obj)
        {
            if (!keys.Contains(entry.Key))
            {
                entries.Add(entry);
            }
        }

        return ObjectValue.Create(entries);
    }

    private static BuiltinResult ObjectsFilter(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var obj, out var error) ||
            !ObjectsKeyParameter(context, args[1], out var keys, out error))
        {
            return error;
        }

        var entries = new List<KeyValuePair<Value, Value>>(keys.Count);
        foreach (var key in keys.AsSpan())
        {
            if (obj.TryGetValue(key, out var value))
            {
                entries.Add(new KeyValuePair<Value, Value>(key, value));
            }
        }

        return ObjectValue.Create(entries);
    }

    private static BuiltinResult ObjectsSubset(BuiltinContext context, ReadOnlySpan<Value> args) => (args[0], args[1]) switch
    {
        (ObjectValue super, ObjectValue sub) => Value.From(ObjectsIsSubset(super, sub)),
        (SetValue super, SetValue sub) => Value.From(ObjectsSetSubset(super, sub)),
        (ArrayValue super, ArrayValue sub) => Value.From(ObjectsArraySubset(super, sub)),
        (ArrayValue super, SetValue sub) => Value.From(ObjectsArraySetSubset(super, sub)),
        _ => BuiltinResult.TypeError($"{context.BuiltinName}: both arguments object.subset must be of the same type or array and set"),
    };

    private static bool ObjectsIsSubset(ObjectValue super, ObjectValue sub)
    {
        for (var i = 0; i < sub.Count; i++)
        {
            if (!super.TryGetValue(sub.Keys[i], out var superValue))
            {
                return false;
            }

            var subValue = sub.Values[i];
            var ok = superValue.Equals(subValue) || (superValue, subValue) switch
            {
                (ObjectValue so, ObjectValue bo) => ObjectsIsSubset(so, bo),
                (SetValue ss, SetValue bs) => ObjectsSetSubset(ss, bs),
                (ArrayValue sa, ArrayValue ba) => ObjectsArraySubset(sa, ba),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsSetSubset(SetValue super, SetValue sub)
    {
        foreach (var item in sub.AsSpan())
        {
            if (!super.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// OPA counts super-array elements found in the sub set and answers true once the count reaches the
    /// set's size (so duplicates in the array count twice, and an empty array is never a superset).
    /// </summary>
    private static bool ObjectsArraySetSubset(ArrayValue super, SetValue sub)
    {
        var unmatched = sub.Count;
        foreach (var item in super.AsSpan())
        {
            if (sub.Contains(item))
            {
                unmatched--;
            }

            if (unmatched == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sub array must appear as a contiguous run inside the super array.</summary>
    private static bool ObjectsArraySubset(ArrayValue super, ArrayValue sub)
    {
        if (sub.Count > super.Count)
        {
            return false;
        }

        for (var start = 0; start + sub.Count <= super.Count; start++)
        {
            var match = true;
            for (var j = 0; j < sub.Count; j++)
            {
                if (!super[start + j].Equals(sub[j]))
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}
