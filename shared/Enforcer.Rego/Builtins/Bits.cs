using System.Numerics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Bitwise builtins over integers of any size (two's complement, as Go's big.Int).</summary>
public static partial class BuiltinRegistry
{
    /// <summary>The widest left shift answered; Go would try to allocate whatever is asked.</summary>
    private const int BitsMaxShift = 1 << 20;

    static partial void RegisterBits(BuiltinTableBuilder builtins)
    {
        builtins.Add("bits.or", 2, static (c, a) => BitsBinary(c, a, static (x, y) => x | y), ["number", "number"], "number");
        builtins.Add("bits.and", 2, static (c, a) => BitsBinary(c, a, static (x, y) => x & y), ["number", "number"], "number");
        builtins.Add("bits.xor", 2, static (c, a) => BitsBinary(c, a, static (x, y) => x ^ y), ["number", "number"], "number");
        builtins.Add("bits.negate", 1, BitsNegate, ["number"], "number");
        builtins.Add("bits.lsh", 2, static (c, a) => BitsShift(c, a, left: true), ["number", "number"], "number");
        builtins.Add("bits.rsh", 2, static (c, a) => BitsShift(c, a, left: false), ["number", "number"], "number");
    }

    private static BuiltinResult BitsBinary(BuiltinContext context, ReadOnlySpan<Value> args, Func<BigInteger, BigInteger, BigInteger> op)
    {
        if (!OperandBigInt(context, args[0], 1, out var a, out var error) ||
            !OperandBigInt(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        return NumberValue.FromBigInteger(op(a, b));
    }

    private static BuiltinResult BitsNegate(BuiltinContext context, ReadOnlySpan<Value> args) =>
        OperandBigInt(context, args[0], 1, out var a, out var error) ? NumberValue.FromBigInteger(-a - 1) : error;

    private static BuiltinResult BitsShift(BuiltinContext context, ReadOnlySpan<Value> args, bool left)
    {
        if (!OperandBigInt(context, args[0], 1, out var a, out var error) ||
            !OperandBigInt(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        if (b.Sign < 0)
        {
            return OperandError(context, 2, "must be an unsigned integer number but got a negative integer");
        }

        if (!left)
        {
            // Shifting everything out leaves 0, or -1 for negatives (Go rounds toward -infinity).
            return b >= a.GetBitLength() + 1 ? NumberValue.FromInt64(a.Sign < 0 ? -1 : 0) : NumberValue.FromBigInteger(a >> (int)b);
        }

        if (a.IsZero)
        {
            return NumberValue.Zero;
        }

        if (b > BitsMaxShift)
        {
            return BuiltinResult.Fail(context, "shift count too large");
        }

        return NumberValue.FromBigInteger(a << (int)b);
    }
}
