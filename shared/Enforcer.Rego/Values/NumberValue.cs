using System.Globalization;
using System.Numerics;
using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>
/// A Rego number with OPA's semantics: integers are exact at any size (a <see cref="long"/> fast path,
/// <see cref="BigInteger"/> beyond it), non-integers are exact decimals when they fit in
/// <see cref="decimal"/> and binary doubles otherwise. Integral values are always normalised to the
/// integer representation, so <c>1 == 1.0</c> and both hash alike.
/// </summary>
public sealed class NumberValue : Value
{
    private static readonly NumberValue[] SmallIntegers = CreateSmallIntegers();

    private readonly long _int64;
    private readonly BigInteger _big;
    private readonly decimal _decimal;
    private readonly double _double;
    private string? _text;

    private NumberValue(NumberRepresentation representation, long int64, BigInteger big, decimal dec, double dbl)
    {
        Representation = representation;
        _int64 = int64;
        _big = big;
        _decimal = dec;
        _double = dbl;
    }

    public static NumberValue Zero => SmallIntegers[128];

    public static NumberValue One => SmallIntegers[129];

    public override ValueKind Kind => ValueKind.Number;

    /// <summary>How the number is stored; integral numbers are always Int64 or BigInteger.</summary>
    public NumberRepresentation Representation { get; }

    /// <summary>True when the number has no fractional part.</summary>
    public bool IsInteger => Representation is NumberRepresentation.Int64 or NumberRepresentation.BigInteger;

    public static NumberValue FromInt64(long value) =>
        value is >= -128 and < 1024 ? SmallIntegers[value + 128] : new(NumberRepresentation.Int64, value, default, default, default);

    public static NumberValue FromBigInteger(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue
            ? FromInt64((long)value)
            : new(NumberRepresentation.BigInteger, 0, value, default, default);

    public static NumberValue FromDecimal(decimal value)
    {
        if (decimal.Truncate(value) == value)
        {
            return FromBigInteger(new BigInteger(value));
        }

        // Drop trailing zeros (1.50 -> 1.5) so equal numbers print alike.
        return new(NumberRepresentation.Decimal, 0, default, value / 1.000000000000000000000000000000000m, default);
    }

    public static NumberValue FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Rego numbers are finite.");
        }

        if (Math.Floor(value) == value)
        {
            return Math.Abs(value) < 9.2e18 ? FromInt64((long)value) : FromBigInteger(new BigInteger(value));
        }

        // Prefer an exact decimal when the double's shortest text fits one.
        if (Math.Abs(value) < 7.9e27 && Math.Abs(value) > 1e-27 &&
            decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var dec) &&
            dec != 0)
        {
            return FromDecimal(dec);
        }

        return new(NumberRepresentation.Double, 0, default, default, value);
    }

    /// <summary>Parses JSON/Rego number text (e.g. <c>-12</c>, <c>1.5e3</c>); null when malformed.</summary>
    public static NumberValue? TryParse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return FromInt64(l);
        }

        var isPlainInteger = true;
        foreach (var c in text)
        {
            if (c is '.' or 'e' or 'E')
            {
                isPlainInteger = false;
                break;
            }
        }

        if (isPlainInteger)
        {
            return BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big) ? FromBigInteger(big) : null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec))
        {
            // decimal silently rounds very small magnitudes to zero; only trust it when non-zero or truly zero.
            if (dec != 0 || IsZeroText(text))
            {
                return FromDecimal(dec);
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var big2) && double.IsInfinity(big2) &&
            TryParseExactBigInteger(text, out var huge))
        {
            // Beyond double range: exact integer, printed as written (OPA keeps the literal text).
            var hugeValue = FromBigInteger(huge);
            return new NumberValue(hugeValue.Representation, hugeValue._int64, hugeValue._big, hugeValue._decimal, hugeValue._double) { _text = text.ToString() };
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            // Large exponents with integral values (1e30) stay exact.
            if (Math.Floor(d) == d && TryParseExactBigInteger(text, out var exact))
            {
                return FromBigInteger(exact);
            }

            return FromDouble(d);
        }

        return null;
    }

    /// <summary>The value as a long when it is an integer in range.</summary>
    public bool TryGetInt64(out long value)
    {
        if (Representation == NumberRepresentation.Int64)
        {
            value = _int64;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The value as an int when it is an integer in range.</summary>
    public bool TryGetInt32(out int value)
    {
        if (Representation == NumberRepresentation.Int64 && _int64 is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)_int64;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The value as a BigInteger when it is an integer.</summary>
    public bool TryGetBigInteger(out BigInteger value)
    {
        switch (Representation)
        {
            case NumberRepresentation.Int64:
                value = _int64;
                return true;
            case NumberRepresentation.BigInteger:
                value = _big;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>The value as a decimal when it fits one exactly enough.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        switch (Representation)
        {
            case NumberRepresentation.Int64:
                value = _int64;
                return true;
            case NumberRepresentation.Decimal:
                value = _decimal;
                return true;
            case NumberRepresentation.BigInteger when BigInteger.Abs(_big) < new BigInteger(decimal.MaxValue):
                value = (decimal)_big;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The nearest double.</summary>
    public double ToDouble() => Representation switch
    {
        NumberRepresentation.Int64 => _int64,
        NumberRepresentation.BigInteger => (double)_big,
        NumberRepresentation.Decimal => (double)_decimal,
        _ => _double,
    };

    public static NumberValue Add(NumberValue a, NumberValue b)
    {
        if (a.Representation == NumberRepresentation.Int64 && b.Representation == NumberRepresentation.Int64)
        {
            var sum = a._int64 + b._int64;
            // Overflow happened when both operands share a sign that the sum lacks.
            return ((a._int64 ^ sum) & (b._int64 ^ sum)) < 0 ? FromBigInteger((BigInteger)a._int64 + b._int64) : FromInt64(sum);
        }

        if (a.IsInteger && b.IsInteger)
        {
            return FromBigInteger(a.AsBig() + b.AsBig());
        }

        return DecimalOrDouble(a, b, static (x, y) => x + y, static (x, y) => x + y);
    }

    public static NumberValue Subtract(NumberValue a, NumberValue b)
    {
        if (a.Representation == NumberRepresentation.Int64 && b.Representation == NumberRepresentation.Int64)
        {
            var diff = a._int64 - b._int64;
            return ((a._int64 ^ b._int64) & (a._int64 ^ diff)) < 0 ? FromBigInteger((BigInteger)a._int64 - b._int64) : FromInt64(diff);
        }

        if (a.IsInteger && b.IsInteger)
        {
            return FromBigInteger(a.AsBig() - b.AsBig());
        }

        return DecimalOrDouble(a, b, static (x, y) => x - y, static (x, y) => x - y);
    }

    public static NumberValue Multiply(NumberValue a, NumberValue b)
    {
        if (a.Representation == NumberRepresentation.Int64 && b.Representation == NumberRepresentation.Int64)
        {
            var product = (Int128)a._int64 * b._int64;
            return product >= long.MinValue && product <= long.MaxValue ? FromInt64((long)product) : FromBigInteger((BigInteger)a._int64 * b._int64);
        }

        if (a.IsInteger && b.IsInteger)
        {
            return FromBigInteger(a.AsBig() * b.AsBig());
        }

        return DecimalOrDouble(a, b, static (x, y) => x * y, static (x, y) => x * y);
    }

    /// <summary>Division; null when dividing by zero.</summary>
    public static NumberValue? Divide(NumberValue a, NumberValue b)
    {
        if (b.IsZero)
        {
            return null;
        }

        if (a.IsInteger && b.IsInteger)
        {
            var quotient = BigInteger.DivRem(a.AsBig(), b.AsBig(), out var remainder);
            if (remainder.IsZero)
            {
                return FromBigInteger(quotient);
            }
        }

        return DecimalOrDouble(a, b, static (x, y) => x / y, static (x, y) => x / y);
    }

    /// <summary>Truncated remainder of two integers (sign follows the dividend); null unless both are integers and b != 0.</summary>
    public static NumberValue? Remainder(NumberValue a, NumberValue b)
    {
        if (!a.IsInteger || !b.IsInteger || b.IsZero)
        {
            return null;
        }

        if (a.Representation == NumberRepresentation.Int64 && b.Representation == NumberRepresentation.Int64 && b._int64 != -1)
        {
            return FromInt64(a._int64 % b._int64);
        }

        return FromBigInteger(BigInteger.Remainder(a.AsBig(), b.AsBig()));
    }

    public static NumberValue Negate(NumberValue a) => Subtract(Zero, a);

    /// <summary>True when the number is zero.</summary>
    public bool IsZero => Representation == NumberRepresentation.Int64 && _int64 == 0;

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => Representation switch
    {
        NumberRepresentation.Int64 => Math.Sign(_int64),
        NumberRepresentation.BigInteger => _big.Sign,
        NumberRepresentation.Decimal => Math.Sign(_decimal),
        _ => Math.Sign(_double),
    };

    private protected override int CompareSameKind(Value other) => CompareNumbers(this, (NumberValue)other);

    private protected override bool EqualsSameKind(Value other)
    {
        var o = (NumberValue)other;
        if (Representation == NumberRepresentation.Int64 && o.Representation == NumberRepresentation.Int64)
        {
            return _int64 == o._int64;
        }

        return CompareNumbers(this, o) == 0;
    }

    /// <summary>Numeric comparison across representations.</summary>
    public static int CompareNumbers(NumberValue a, NumberValue b)
    {
        if (a.Representation == NumberRepresentation.Int64 && b.Representation == NumberRepresentation.Int64)
        {
            return a._int64.CompareTo(b._int64);
        }

        if (a.IsInteger && b.IsInteger)
        {
            return a.AsBig().CompareTo(b.AsBig());
        }

        if (a.Representation != NumberRepresentation.Double && b.Representation != NumberRepresentation.Double &&
            a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db))
        {
            return da.CompareTo(db);
        }

        return a.ToDouble().CompareTo(b.ToDouble());
    }

    public override int GetHashCode() => Representation switch
    {
        NumberRepresentation.Int64 => _int64.GetHashCode(),
        NumberRepresentation.BigInteger => _big.GetHashCode(),
        // Non-integers hash by their double so a decimal and an equal double agree.
        _ => ToDouble().GetHashCode(),
    };

    public override void WriteTerm(StringBuilder builder) => builder.Append(ToString());

    /// <summary>The number as JSON text.</summary>
    public override string ToString() => _text ?? Representation switch
    {
        NumberRepresentation.Int64 => _int64.ToString(CultureInfo.InvariantCulture),
        NumberRepresentation.BigInteger => _big.ToString(CultureInfo.InvariantCulture),
        NumberRepresentation.Decimal => _decimal.ToString(CultureInfo.InvariantCulture),
        _ => FormatDouble(_double),
    };

    private static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    private BigInteger AsBig() => Representation == NumberRepresentation.Int64 ? _int64 : _big;

    private static NumberValue DecimalOrDouble(NumberValue a, NumberValue b, Func<decimal, decimal, decimal> decimalOp, Func<double, double, double> doubleOp)
    {
        if (a.Representation != NumberRepresentation.Double && b.Representation != NumberRepresentation.Double &&
            a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db))
        {
            try
            {
                return FromDecimal(decimalOp(da, db));
            }
            catch (OverflowException)
            {
                // Falls through to binary floating point, as OPA's big floats would still give an answer.
            }
        }

        var result = doubleOp(a.ToDouble(), b.ToDouble());
        return double.IsFinite(result) ? FromDouble(result) : FromDouble(result > 0 ? double.MaxValue : double.MinValue);
    }

    private static bool IsZeroText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (c is >= '1' and <= '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseExactBigInteger(ReadOnlySpan<char> text, out BigInteger value)
    {
        value = default;
        var ePos = text.IndexOfAny('e', 'E');
        var mantissa = ePos < 0 ? text : text[..ePos];
        var exponent = 0;
        if (ePos >= 0 && !int.TryParse(text[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        var dot = mantissa.IndexOf('.');
        string digits;
        if (dot >= 0)
        {
            digits = string.Concat(mantissa[..dot], mantissa[(dot + 1)..]);
            exponent -= mantissa.Length - dot - 1;
        }
        else
        {
            digits = mantissa.ToString();
        }

        if (!BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m))
        {
            return false;
        }

        if (exponent >= 0)
        {
            if (exponent > 10000)
            {
                return false;
            }

            value = m * BigInteger.Pow(10, exponent);
            return true;
        }

        var divisor = BigInteger.Pow(10, -exponent);
        value = BigInteger.DivRem(m, divisor, out var rem);
        return rem.IsZero;
    }

    private static NumberValue[] CreateSmallIntegers()
    {
        var values = new NumberValue[1024 + 128];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new NumberValue(NumberRepresentation.Int64, i - 128, default, default, default);
        }

        return values;
    }
}
