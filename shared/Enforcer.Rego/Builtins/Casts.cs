using System.Text.RegularExpressions;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>to_number and the deprecated cast_* builtins.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterCasts(BuiltinTableBuilder builtins)
    {
        builtins.Add("to_number", 1, CastsToNumber, ["any"], "number");

        // Deprecated since OPA v0.13 (v0 policies only).
        builtins.Add("cast_array", 1, CastsArray, ["any"], "array");
        builtins.Add("cast_set", 1, CastsSet, ["any"], "set");
        builtins.Add("cast_string", 1, static (c, a) => a[0] is StringValue ? a[0] : BuiltinResult.OperandTypeError(c, 1, a[0], "string"), ["any"], "string");
        builtins.Add("cast_boolean", 1, static (c, a) => a[0] is BooleanValue ? a[0] : BuiltinResult.OperandTypeError(c, 1, a[0], "boolean"), ["any"], "boolean");
        builtins.Add("cast_null", 1, static (c, a) => a[0] is NullValue ? a[0] : BuiltinResult.OperandTypeError(c, 1, a[0], "null"), ["any"], "null");
        builtins.Add("cast_object", 1, static (c, a) => a[0] is ObjectValue ? a[0] : BuiltinResult.OperandTypeError(c, 1, a[0], "object"), ["any"], "object");
    }

    private static BuiltinResult CastsToNumber(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        switch (args[0])
        {
            case NullValue:
                return NumberValue.Zero;
            case BooleanValue b:
                return b.Value ? NumberValue.One : NumberValue.Zero;
            case NumberValue:
                return args[0];
            case StringValue s:
                var trimmed = s.Value.TrimStart('+', '-').ToLowerInvariant();
                if (trimmed is "inf" or "infinity" or "nan")
                {
                    return BuiltinResult.OperandTypeError(context, 1, args[0], "valid number string");
                }

                // strconv.ParseFloat's decimal syntax; hexadecimal floats are not accepted here.
                if (!CastsNumberSyntax().IsMatch(s.Value))
                {
                    return BuiltinResult.Fail(context, $"strconv.ParseFloat: parsing {Go.GoQuote.Quote(s.Value)}: invalid syntax");
                }

                var number = NumberValue.TryParse(s.Value.TrimStart('+'));
                return number is null
                    ? BuiltinResult.Fail(context, $"strconv.ParseFloat: parsing {Go.GoQuote.Quote(s.Value)}: value out of range")
                    : number;
            default:
                return BuiltinResult.OperandTypeError(context, 1, args[0], "one of {null, boolean, number, string}");
        }
    }

    [GeneratedRegex(@"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CastsNumberSyntax();

    private static BuiltinResult CastsArray(BuiltinContext context, ReadOnlySpan<Value> args) => args[0] switch
    {
        ArrayValue => args[0],
        SetValue s => new ArrayValue(s.AsSpan().ToArray()),
        _ => BuiltinResult.OperandTypeError(context, 1, args[0], "one of {array, set}"),
    };

    private static BuiltinResult CastsSet(BuiltinContext context, ReadOnlySpan<Value> args) => args[0] switch
    {
        SetValue => args[0],
        ArrayValue a => SetValue.Create(a),
        _ => BuiltinResult.OperandTypeError(context, 1, args[0], "one of {array, set}"),
    };
}
