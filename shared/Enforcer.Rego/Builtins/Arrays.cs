using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Array builtins: array.concat, array.slice, array.reverse, array.flatten.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterArrays(BuiltinTableBuilder builtins)
    {
        builtins.Add("array.concat", 2, ArraysConcat, ["array", "array"], "array");
        builtins.Add("array.slice", 3, ArraysSlice, ["array", "number", "number"], "array");
        builtins.Add("array.reverse", 1, ArraysReverse, ["array"], "array");
        builtins.Add("array.flatten", 1, ArraysFlatten, ["array"], "array");
    }

    private static BuiltinResult ArraysConcat(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandArray(context, args[0], 1, out var a, out var error) ||
            !OperandArray(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        var items = new Value[a.Count + b.Count];
        a.AsSpan().CopyTo(items);
        b.AsSpan().CopyTo(items.AsSpan(a.Count));
        return new ArrayValue(items);
    }

    private static BuiltinResult ArraysSlice(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandArray(context, args[0], 1, out var array, out var error) ||
            !OperandInt(context, args[1], 2, out var start, out error) ||
            !OperandInt(context, args[2], 3, out var stop, out error))
        {
            return error;
        }

        // Clamp like OPA: stop into [0, len], start into [0, stop].
        stop = Math.Clamp(stop, 0, array.Count);
        start = Math.Clamp(start, 0, stop);
        return new ArrayValue(array.AsSpan()[(int)start..(int)stop].ToArray());
    }

    private static BuiltinResult ArraysReverse(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandArray(context, args[0], 1, out var array, out var error))
        {
            return error;
        }

        var items = array.AsSpan().ToArray();
        Array.Reverse(items);
        return new ArrayValue(items);
    }

    private static BuiltinResult ArraysFlatten(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandArray(context, args[0], 1, out var array, out var error))
        {
            return error;
        }

        // One level only: nested arrays inside the spliced arrays stay as they are.
        var items = new List<Value>(array.Count);
        foreach (var item in array.AsSpan())
        {
            if (item is ArrayValue inner)
            {
                items.AddRange(inner);
            }
            else
            {
                items.Add(item);
            }
        }

        return new ArrayValue([.. items]);
    }
}
