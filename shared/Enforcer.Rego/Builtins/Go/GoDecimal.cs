using System.Globalization;
using System.Numerics;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// A decimal digit string with a decimal point position, the form Go's strconv formats floats from:
/// the value is 0.<see cref="Digits"/> × 10^<see cref="Point"/>. Digits never carry trailing zeros.
/// </summary>
internal readonly record struct GoDecimal(string Digits, int Point)
{
    /// <summary>The shortest digits that round-trip the double (what Go's %v prints).</summary>
    public static GoDecimal Shortest(double value)
    {
        value = Math.Abs(value);
        if (value == 0)
        {
            return new GoDecimal(string.Empty, 0);
        }

        // "E16" is not shortest; "R" is, in either fixed or exponent notation.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        return Normalize(integerPart + fraction, integerPart.Length + exponent);
    }

    /// <summary>The exact decimal expansion of the double.</summary>
    public static GoDecimal Exact(double value)
    {
        value = Math.Abs(value);
        if (value == 0)
        {
            return new GoDecimal(string.Empty, 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (exponentBits == 0)
        {
            exponent = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = exponentBits - 1075;
        }

        if (exponent >= 0)
        {
            var integer = new BigInteger(mantissa) << exponent;
            var digits = integer.ToString(CultureInfo.InvariantCulture);
            return Normalize(digits, digits.Length);
        }

        // m / 2^k == m * 5^k / 10^k
        var scaled = new BigInteger(mantissa) * BigInteger.Pow(5, -exponent);
        var text = scaled.ToString(CultureInfo.InvariantCulture);
        return Normalize(text, text.Length + exponent);
    }

    /// <summary>Builds a decimal from digits (possibly with leading/trailing zeros) and a point position.</summary>
    public static GoDecimal Normalize(string digits, int point)
    {
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
            point--;
        }

        var end = digits.Length;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
        }

        return end == start ? new GoDecimal(string.Empty, 0) : new GoDecimal(digits[start..end], point);
    }

    /// <summary>Rounds to <paramref name="count"/> significant digits, halves to even (Go's decimal.Round).</summary>
    public GoDecimal Round(int count)
    {
        if (count < 0 || count >= Digits.Length)
        {
            return this;
        }

        var roundUp = Digits[count] > '5' ||
            (Digits[count] == '5' && (count + 1 < Digits.Length || (count > 0 && (Digits[count - 1] - '0') % 2 == 1)));
        if (!roundUp)
        {
            return Normalize(Digits[..count], Point);
        }

        var chars = Digits[..count].ToCharArray();
        var i = count - 1;
        while (i >= 0 && chars[i] == '9')
        {
            i--;
        }

        if (i < 0)
        {
            // 999 -> 1000: one digit, point moves right.
            return new GoDecimal("1", Point + 1);
        }

        chars[i]++;
        return Normalize(new string(chars, 0, i + 1), Point);
    }
}
