using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// Infix operators the interpreter evaluates through the builtin table, under OPA's builtin names:
/// <c>+ - * / %</c> (plus, minus, mul, div, rem), comparisons (equal, neq, lt, gt, lte, gte) and the
/// set operators <c>&amp; |</c> (and, or). <c>minus</c> also takes the difference of two sets.
/// </summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterOperators(BuiltinTableBuilder builtins)
    {
        builtins.Add("plus", 2, OperatorPlus, ["number", "number"], "number");
        builtins.Add("minus", 2, OperatorMinus, ["any", "any"], "any");
        builtins.Add("mul", 2, OperatorMultiply, ["number", "number"], "number");
        builtins.Add("div", 2, OperatorDivide, ["number", "number"], "number");
        builtins.Add("rem", 2, OperatorRemainder, ["number", "number"], "number");
        builtins.Add("equal", 2, static (_, a) => Value.From(a[0].Equals(a[1])), ["any", "any"], "boolean");
        builtins.Add("neq", 2, static (_, a) => Value.From(!a[0].Equals(a[1])), ["any", "any"], "boolean");
        builtins.Add("lt", 2, static (_, a) => Value.From(Value.Compare(a[0], a[1]) < 0), ["any", "any"], "boolean");
        builtins.Add("gt", 2, static (_, a) => Value.From(Value.Compare(a[0], a[1]) > 0), ["any", "any"], "boolean");
        builtins.Add("lte", 2, static (_, a) => Value.From(Value.Compare(a[0], a[1]) <= 0), ["any", "any"], "boolean");
        builtins.Add("gte", 2, static (_, a) => Value.From(Value.Compare(a[0], a[1]) >= 0), ["any", "any"], "boolean");
        builtins.Add("and", 2, OperatorIntersection, ["set", "set"], "set");
        builtins.Add("or", 2, OperatorUnion, ["set", "set"], "set");
    }

    private static BuiltinResult OperatorPlus(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperatorTwoNumbers(context, args, out var a, out var b, out var error))
        {
            return error;
        }

        return NumberValue.Add(a, b);
    }

    private static BuiltinResult OperatorMinus(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (args[0] is NumberValue a && args[1] is NumberValue b)
        {
            return NumberValue.Subtract(a, b);
        }

        if (args[0] is SetValue sa && args[1] is SetValue sb)
        {
            return sa.Except(sb);
        }

        if (args[0] is not NumberValue and not SetValue)
        {
            return BuiltinResult.OperandTypeError(context, 1, args[0], "one of {number, set}");
        }

        return BuiltinResult.OperandTypeError(context, 2, args[1], args[0] is NumberValue ? "number" : "set");
    }

    private static BuiltinResult OperatorMultiply(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperatorTwoNumbers(context, args, out var a, out var b, out var error))
        {
            return error;
        }

        return NumberValue.Multiply(a, b);
    }

    private static BuiltinResult OperatorDivide(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperatorTwoNumbers(context, args, out var a, out var b, out var error))
        {
            return error;
        }

        var result = NumberValue.Divide(a, b);
        return result is null ? BuiltinResult.Fail(context, "divide by zero") : result;
    }

    private static BuiltinResult OperatorRemainder(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperatorTwoNumbers(context, args, out var a, out var b, out var error))
        {
            return error;
        }

        if (!a.IsInteger || !b.IsInteger)
        {
            return BuiltinResult.Fail(context, "modulo on floating-point number");
        }

        var result = NumberValue.Remainder(a, b);
        return result is null ? BuiltinResult.Fail(context, "modulo by zero") : result;
    }

    private static BuiltinResult OperatorIntersection(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (args[0] is not SetValue a)
        {
            return BuiltinResult.OperandTypeError(context, 1, args[0], "set");
        }

        if (args[1] is not SetValue b)
        {
            return BuiltinResult.OperandTypeError(context, 2, args[1], "set");
        }

        return a.Intersect(b);
    }

    private static BuiltinResult OperatorUnion(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (args[0] is not SetValue a)
        {
            return BuiltinResult.OperandTypeError(context, 1, args[0], "set");
        }

        if (args[1] is not SetValue b)
        {
            return BuiltinResult.OperandTypeError(context, 2, args[1], "set");
        }

        return a.Union(b);
    }

    private static bool OperatorTwoNumbers(BuiltinContext context, ReadOnlySpan<Value> args, out NumberValue a, out NumberValue b, out BuiltinResult error)
    {
        a = null!;
        b = null!;
        if (args[0] is not NumberValue na)
        {
            error = BuiltinResult.OperandTypeError(context, 1, args[0], "number");
            return false;
        }

        if (args[1] is not NumberValue nb)
        {
            error = BuiltinResult.OperandTypeError(context, 2, args[1], "number");
            return false;
        }

        a = na;
        b = nb;
        error = default;
        return true;
    }
}
