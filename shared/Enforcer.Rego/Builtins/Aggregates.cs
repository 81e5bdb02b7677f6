using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Aggregate builtins: count, sum, product, max, min, sort, all, any.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterAggregates(BuiltinTableBuilder builtins)
    {
        builtins.Add("count", 1, AggregatesCount, ["any"], "number");
        builtins.Add("sum", 1, AggregatesSum, ["any"], "number");
        builtins.Add("product", 1, AggregatesProduct, ["any"], "number");
        builtins.Add("max", 1, AggregatesMax, ["any"], "any");
        builtins.Add("min", 1, AggregatesMin, ["any"], "any");
        builtins.Add("sort", 1, AggregatesSort, ["any"], "array");

        // Deprecated in OPA but still answered for v0 policies.
        builtins.Add("all", 1, AggregatesAll, ["any"], "boolean");
        builtins.Add("any", 1, AggregatesAny, ["any"], "boolean");
    }

    private static BuiltinResult AggregatesCount(BuiltinContext context, ReadOnlySpan<Value> args) => args[0] switch
    {
        // OPA counts a string's Unicode code points, not UTF-16 units.
        StringValue s => Value.From(AggregatesCountRunes(s.Value)),
        ArrayValue a => Value.From(a.Count),
        ObjectValue o => Value.From(o.Count),
        SetValue set => Value.From(set.Count),
        var other => BuiltinResult.OperandTypeError(context, 1, other, "one of {array, object, set, string}"),
    };

    private static int AggregatesCountRunes(string value)
    {
        var n = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    private static BuiltinResult AggregatesSum(BuiltinContext context, ReadOnlySpan<Value> args) =>
        AggregatesFold(context, args[0], NumberValue.Zero, NumberValue.Add);

    private static BuiltinResult AggregatesProduct(BuiltinContext context, ReadOnlySpan<Value> args) =>
        AggregatesFold(context, args[0], NumberValue.One, NumberValue.Multiply);

    private static BuiltinResult AggregatesFold(BuiltinContext context, Value collection, NumberValue seed, Func<NumberValue, NumberValue, NumberValue> op)
    {
        if (collection is not ArrayValue and not SetValue)
        {
            return BuiltinResult.OperandTypeError(context, 1, collection, "one of {set, array}");
        }

        var acc = seed;
        foreach (var item in OperandItems(collection))
        {
            if (item is not NumberValue n)
            {
                return OperandElementError(context, 1, collection, item, "number");
            }

            acc = op(acc, n);
        }

        return acc;
    }

    private static BuiltinResult AggregatesMax(BuiltinContext context, ReadOnlySpan<Value> args) => AggregatesExtreme(context, args[0], 1);

    private static BuiltinResult AggregatesMin(BuiltinContext context, ReadOnlySpan<Value> args) => AggregatesExtreme(context, args[0], -1);

    private static BuiltinResult AggregatesExtreme(BuiltinContext context, Value collection, int direction)
    {
        if (collection is not ArrayValue and not SetValue)
        {
            return BuiltinResult.OperandTypeError(context, 1, collection, "one of {set, array}");
        }

        Value? best = null;
        foreach (var item in OperandItems(collection))
        {
            if (best is null || Value.Compare(item, best) * direction > 0)
            {
                best = item;
            }
        }

        return best is null ? BuiltinResult.Undefined : best;
    }

    private static BuiltinResult AggregatesSort(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        switch (args[0])
        {
            case SetValue set:
                // A set is already sorted, and both values are immutable: the array shares its elements.
                return new ArrayValue(set.SharedItems);
            case ArrayValue array:
                var items = array.AsSpan().ToArray();
                Array.Sort(items, ValueComparer.Instance);
                return new ArrayValue(items);
            default:
                return BuiltinResult.OperandTypeError(context, 1, args[0], "one of {set, array}");
        }
    }

    private static BuiltinResult AggregatesAll(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (args[0] is not ArrayValue and not SetValue)
        {
            return BuiltinResult.OperandTypeError(context, 1, args[0], "one of {array, set}");
        }

        foreach (var item in OperandItems(args[0]))
        {
            if (item != Value.True)
            {
                return Value.False;
            }
        }

        return Value.True;
    }

    private static BuiltinResult AggregatesAny(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (args[0] is not ArrayValue and not SetValue)
        {
            return BuiltinResult.OperandTypeError(context, 1, args[0], "one of {array, set}");
        }

        foreach (var item in OperandItems(args[0]))
        {
            if (item == Value.True)
            {
                return Value.True;
            }
        }

        return Value.False;
    }
}
