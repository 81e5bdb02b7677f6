using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Set builtins over sets of sets: intersection and union (and the deprecated set_diff).</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterSets(BuiltinTableBuilder builtins)
    {
        builtins.Add("intersection", 1, SetsIntersection, ["set"], "set");
        builtins.Add("union", 1, SetsUnion, ["set"], "set");
        builtins.Add("set_diff", 2, SetsDiff, ["set", "set"], "set");
    }

    private static BuiltinResult SetsIntersection(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandSet(context, args[0], 1, out var sets, out var error))
        {
            return error;
        }

        SetValue? result = null;
        foreach (var item in sets.AsSpan())
        {
            if (!OperandSet(context, item, 1, out var set, out error))
            {
                return error;
            }

            result = result is null ? set : result.Intersect(set);
        }

        return result ?? SetValue.Empty;
    }

    private static BuiltinResult SetsUnion(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandSet(context, args[0], 1, out var sets, out var error))
        {
            return error;
        }

        var result = SetValue.Empty;
        foreach (var item in sets.AsSpan())
        {
            if (!OperandSet(context, item, 1, out var set, out error))
            {
                return error;
            }

            result = result.Union(set);
        }

        return result;
    }

    private static BuiltinResult SetsDiff(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandSet(context, args[0], 1, out var a, out var error) ||
            !OperandSet(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        return a.Except(b);
    }
}
