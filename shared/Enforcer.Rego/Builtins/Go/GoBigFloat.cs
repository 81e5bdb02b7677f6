using System.Numerics;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// Just enough of Go's big.Float at its default 64-bit mantissa (round half to even) to reproduce
/// units.parse_bytes, which multiplies such floats and truncates: value = Mantissa × 2^Exponent.
/// </summary>
internal readonly record struct GoBigFloat(BigInteger Mantissa, int Exponent)
{
    private static readonly BigInteger Low = BigInteger.One << 63;
    private static readonly BigInteger High = BigInteger.One << 64;

    /// <summary>Rounds numerator/denominator (denominator positive) to a 64-bit mantissa.</summary>
    public static GoBigFloat FromRational(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return new GoBigFloat(BigInteger.Zero, 0);
        }

        var negative = numerator.Sign < 0;
        numerator = BigInteger.Abs(numerator);
        var exponent = (int)(numerator.GetBitLength() - denominator.GetBitLength()) - 64;
        while (true)
        {
            var scaled = exponent < 0 ? numerator << -exponent : numerator;
            var divisor = exponent > 0 ? denominator << exponent : denominator;
            var quotient = BigInteger.DivRem(scaled, divisor, out var remainder);
            if (quotient >= High)
            {
                exponent++;
                continue;
            }

            if (quotient < Low)
            {
                exponent--;
                continue;
            }

            var twice = remainder * 2;
            if (twice > divisor || (twice == divisor && !quotient.IsEven))
            {
                quotient++;
                if (quotient == High)
                {
                    quotient = Low;
                    exponent++;
                }
            }

            return new GoBigFloat(negative ? -quotient : quotient, exponent);
        }
    }

    public GoBigFloat Multiply(GoBigFloat other)
    {
        var product = Mantissa * other.Mantissa;
        var exponent = Exponent + other.Exponent;
        return exponent >= 0
            ? FromRational(product << exponent, BigInteger.One)
            : FromRational(product, BigInteger.One << -exponent);
    }

    /// <summary>The integer part, truncated toward zero (big.Float.Int).</summary>
    public BigInteger Truncate()
    {
        var magnitude = BigInteger.Abs(Mantissa);
        magnitude = Exponent >= 0 ? magnitude << Exponent : magnitude >> -Exponent;
        return Mantissa.Sign < 0 ? -magnitude : magnitude;
    }
}
