using System.Numerics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Number builtins: abs, round (half away from zero), ceil, floor, numbers.range, numbers.range_step.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterNumbers(BuiltinTableBuilder builtins)
    {
        builtins.Add("abs", 1, NumbersAbs, ["number"], "number");
        builtins.Add("round", 1, NumbersRound, ["number"], "number");
        builtins.Add("ceil", 1, NumbersCeil, ["number"], "number");
        builtins.Add("floor", 1, NumbersFloor, ["number"], "number");
        builtins.Add("numbers.range", 2, NumbersRange, ["number", "number"], "array");
        builtins.Add("numbers.range_step", 3, NumbersRangeStep, ["number", "number", "number"], "array");
    }

    private static BuiltinResult NumbersAbs(BuiltinContext context, ReadOnlySpan<Value> args) =>
        NumbersUnary(context, args, BigInteger.Abs, Math.Abs, Math.Abs);

    private static BuiltinResult NumbersRound(BuiltinContext context, ReadOnlySpan<Value> args) =>
        NumbersUnary(context, args, static i => i, static d => Math.Round(d, MidpointRounding.AwayFromZero), static d => Math.Round(d, MidpointRounding.AwayFromZero));

    private static BuiltinResult NumbersCeil(BuiltinContext context, ReadOnlySpan<Value> args) =>
        NumbersUnary(context, args, static i => i, Math.Ceiling, Math.Ceiling);

    private static BuiltinResult NumbersFloor(BuiltinContext context, ReadOnlySpan<Value> args) =>
        NumbersUnary(context, args, static i => i, Math.Floor, Math.Floor);

    private static BuiltinResult NumbersUnary(
        BuiltinContext context,
        ReadOnlySpan<Value> args,
        Func<BigInteger, BigInteger> integer,
        Func<decimal, decimal> dec,
        Func<double, double> dbl)
    {
        if (!OperandNumber(context, args[0], 1, out var n, out var error))
        {
            return error;
        }

        if (n.TryGetBigInteger(out var big))
        {
            return NumberValue.FromBigInteger(integer(big));
        }

        if (n.Representation == NumberRepresentation.Decimal && n.TryGetDecimal(out var d))
        {
            return NumberValue.FromDecimal(dec(d));
        }

        return NumberValue.FromDouble(dbl(n.ToDouble()));
    }

    private static BuiltinResult NumbersRange(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandBigInt(context, args[0], 1, out var from, out var error) ||
            !OperandBigInt(context, args[1], 2, out var to, out error))
        {
            return error;
        }

        return NumbersRangeOf(context, from, to, BigInteger.One);
    }

    private static BuiltinResult NumbersRangeStep(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandBigInt(context, args[0], 1, out var from, out var error) ||
            !OperandBigInt(context, args[1], 2, out var to, out error) ||
            !OperandBigInt(context, args[2], 3, out var step, out error))
        {
            return error;
        }

        if (step.Sign <= 0)
        {
            return BuiltinResult.Fail("numbers.range_step: step must be a positive integer");
        }

        return NumbersRangeOf(context, from, to, step);
    }

    private static BuiltinResult NumbersRangeOf(BuiltinContext context, BigInteger from, BigInteger to, BigInteger step)
    {
        var items = new List<Value>();
        var descending = from > to;
        for (var i = from; descending ? i >= to : i <= to; i = descending ? i - step : i + step)
        {
            if ((items.Count & 0xFFF) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            items.Add(NumberValue.FromBigInteger(i));
        }

        return new ArrayValue([.. items]);
    }
}
