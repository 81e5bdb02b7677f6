using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// Builtins the interpreter treats specially (print, walk, trace) are registered here so the compiler
/// knows their names and arities; membership (<c>x in xs</c>, <c>k, v in xs</c>) is an ordinary builtin.
/// </summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterInterpreter(BuiltinTableBuilder builtins)
    {
        // Bodies of print/walk/trace are never called: the evaluator handles them (variadic, relation, sink).
        builtins.Add("print", 0, static (_, _) => Value.True, [], "boolean");
        builtins.Add("walk", 1, static (_, _) => BuiltinResult.Undefined, ["any"], "array");
        builtins.Add("trace", 1, static (_, _) => Value.True, ["string"], "boolean");
        builtins.Add("internal.member_2", 2, InterpreterMember2, ["any", "any"], "boolean");
        builtins.Add("internal.member_3", 3, InterpreterMember3, ["any", "any", "any"], "boolean");
    }

    private static BuiltinResult InterpreterMember2(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        var item = args[0];
        switch (args[1])
        {
            case ArrayValue a:
                foreach (var v in a.AsSpan())
                {
                    if (v.Equals(item))
                    {
                        return Value.True;
                    }
                }

                return Value.False;
            case SetValue s:
                return Value.From(s.Contains(item));
            case ObjectValue o:
                foreach (var v in o.Values)
                {
                    if (v.Equals(item))
                    {
                        return Value.True;
                    }
                }

                return Value.False;
            default:
                return Value.False;
        }
    }

    private static BuiltinResult InterpreterMember3(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        var key = args[0];
        var item = args[1];
        switch (args[2])
        {
            case ArrayValue a:
                return Value.From(key is NumberValue n && n.TryGetInt32(out var i) && i >= 0 && i < a.Count && a[i].Equals(item));
            case ObjectValue o:
                return Value.From(o.TryGetValue(key, out var v) && v.Equals(item));
            case SetValue s:
                return Value.From(key.Equals(item) && s.Contains(item));
            default:
                return Value.False;
        }
    }
}
