using System.Numerics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// Operand checks shared by the category files, mirroring OPA's topdown/builtins helpers so the error
/// texts match (<c>operand 2 must be integer number but got floating-point number</c>, ...).
/// </summary>
public static partial class BuiltinRegistry
{
    private static bool OperandString(BuiltinContext context, Value value, int position, out string result, out BuiltinResult error)
    {
        if (value is StringValue s)
        {
            result = s.Value;
            error = default;
            return true;
        }

        result = string.Empty;
        error = BuiltinResult.OperandTypeError(context, position, value, "string");
        return false;
    }

    private static bool OperandNumber(BuiltinContext context, Value value, int position, out NumberValue result, out BuiltinResult error)
    {
        if (value is NumberValue n)
        {
            result = n;
            error = default;
            return true;
        }

        result = NumberValue.Zero;
        error = BuiltinResult.OperandTypeError(context, position, value, "number");
        return false;
    }

    /// <summary>OPA's IntOperand: a number that is an integer fitting a Go int.</summary>
    private static bool OperandInt(BuiltinContext context, Value value, int position, out long result, out BuiltinResult error)
    {
        if (!OperandNumber(context, value, position, out var n, out error))
        {
            result = 0;
            return false;
        }

        if (n.TryGetInt64(out result))
        {
            return true;
        }

        error = OperandNotInteger(context, position);
        return false;
    }

    /// <summary>OPA's BigIntOperand: any integral number; non-numbers are reported as "must be integer".</summary>
    private static bool OperandBigInt(BuiltinContext context, Value value, int position, out BigInteger result, out BuiltinResult error)
    {
        if (value is not NumberValue n)
        {
            result = default;
            error = BuiltinResult.OperandTypeError(context, position, value, "integer");
            return false;
        }

        if (n.TryGetBigInteger(out result))
        {
            error = default;
            return true;
        }

        error = OperandNotInteger(context, position);
        return false;
    }

    private static BuiltinResult OperandNotInteger(BuiltinContext context, int position) =>
        BuiltinResult.TypeError($"{context.BuiltinName}: operand {position} must be integer number but got floating-point number");

    private static bool OperandObject(BuiltinContext context, Value value, int position, out ObjectValue result, out BuiltinResult error)
    {
        if (value is ObjectValue o)
        {
            result = o;
            error = default;
            return true;
        }

        result = ObjectValue.Empty;
        error = BuiltinResult.OperandTypeError(context, position, value, "object");
        return false;
    }

    private static bool OperandArray(BuiltinContext context, Value value, int position, out ArrayValue result, out BuiltinResult error)
    {
        if (value is ArrayValue a)
        {
            result = a;
            error = default;
            return true;
        }

        result = ArrayValue.Empty;
        error = BuiltinResult.OperandTypeError(context, position, value, "array");
        return false;
    }

    private static bool OperandSet(BuiltinContext context, Value value, int position, out SetValue result, out BuiltinResult error)
    {
        if (value is SetValue s)
        {
            result = s;
            error = default;
            return true;
        }

        result = SetValue.Empty;
        error = BuiltinResult.OperandTypeError(context, position, value, "set");
        return false;
    }

    /// <summary>OPA's StringSliceOperand: the strings of an array or set.</summary>
    private static bool OperandStrings(BuiltinContext context, Value value, int position, out List<string> result, out BuiltinResult error)
    {
        result = [];
        ReadOnlySpan<Value> items;
        if (value is ArrayValue a)
        {
            items = a.AsSpan();
        }
        else if (value is SetValue s)
        {
            items = s.AsSpan();
        }
        else
        {
            error = BuiltinResult.OperandTypeError(context, position, value, "one of {array, set}");
            return false;
        }

        foreach (var item in items)
        {
            if (item is not StringValue sv)
            {
                error = OperandElementError(context, position, value, item, "string");
                return false;
            }

            result.Add(sv.Value);
        }

        error = default;
        return true;
    }

    /// <summary>OPA's NewOperandElementErr: <c>operand N must be array of strings but got array containing number</c>.</summary>
    private static BuiltinResult OperandElementError(BuiltinContext context, int position, Value composite, Value element, string expected) =>
        BuiltinResult.TypeError(
            $"{context.BuiltinName}: operand {position} must be {composite.TypeName} of {expected}s but got {composite.TypeName} containing {element.TypeName}");

    /// <summary>OPA's NewOperandErr: <c>NAME: operand N message</c> as a type error.</summary>
    private static BuiltinResult OperandError(BuiltinContext context, int position, string message) =>
        BuiltinResult.TypeError($"{context.BuiltinName}: operand {position} {message}");

    /// <summary>The elements of an array or set (empty for anything else).</summary>
    private static ReadOnlySpan<Value> OperandItems(Value value) => value switch
    {
        ArrayValue a => a.AsSpan(),
        SetValue s => s.AsSpan(),
        _ => [],
    };
}
