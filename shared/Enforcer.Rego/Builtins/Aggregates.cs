using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Aggregate builtins: count, sum, product, max, min, sort, all, any.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterAggregates(BuiltinTableBuilder builtins)
    {
        builtins.Add("count", 1, AggregatesCount, ["any"], "number");
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
}
