using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>units.parse (SI and binary SI, exact rationals) and units.parse_bytes (64-bit binary floats, truncated), as OPA.</summary>
public static partial class BuiltinRegistry
{
    /// <summary>The most exponent digits accepted in scientific notation (OPA's maxExponentDigits).</summary>
    private const int UnitsMaxExponentDigits = 6;

    static partial void RegisterUnits(BuiltinTableBuilder builtins)
    {
        builtins.Add("units.parse", 1, UnitsParse, ["string"], "number");
        builtins.Add("units.parse_bytes", 1, UnitsParseBytes, ["string"], "number");
    }

    private static BuiltinResult UnitsParse(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var raw, out var error))
        {
            return error;
        }

        var s = raw.Replace("\"", string.Empty, StringComparison.Ordinal);
        if (s.Contains(' ', StringComparison.Ordinal))
        {
            return UnitsError("units.parse", "spaces not allowed in resource strings");
        }

        if (!UnitsSplit(s, out var number, out var unit))
        {
            return UnitsError("units.parse", "exponent too large");
        }

        if (number.Length == 0)
        {
            return UnitsError("units.parse", "no amount provided");
        }

        // Only the letters after the first are lower-cased, so "m" (milli) and "M" (mega) stay apart.
        if (unit.Length > 1)
        {
            unit = unit[..1] + unit[1..].ToLowerInvariant();
        }

        (BigInteger Num, BigInteger Den) multiplier;
        switch (unit)
        {
            case "m":
                // OPA multiplies by the float64 0.001, whose exact binary value is slightly above 1/1000.
                multiplier = UnitsExactDouble(0.001);
                break;
            case "":
                multiplier = (1, 1);
                break;
            default:
                var factor = UnitsFactor(unit.ToLowerInvariant(), unit is "M" or "Mi" or "mi" ? unit : null);
                if (factor is null)
                {
                    return UnitsError("units.parse", $"unit {unit} not recognized");
                }

                multiplier = (factor.Value, 1);
                break;
        }

        if (!UnitsRational(number, out var num, out var den))
        {
            return UnitsError("units.parse", "could not parse amount to a number");
        }

        num *= multiplier.Num;
        den *= multiplier.Den;
        if (BigInteger.Remainder(num, den).IsZero)
        {
            return NumberValue.FromBigInteger(num / den);
        }

        return NumberValue.TryParse(UnitsFloatString(num, den, 10)) ?? NumberValue.Zero;
    }

    /// <summary>The multiplier for a unit; SI letters are case-insensitive except m/M, handled by the caller.</summary>
    private static BigInteger? UnitsFactor(string lower, string? exact)
    {
        if (exact is not null)
        {
            return exact == "M" ? BigInteger.Pow(1000, 2) : BigInteger.One << 20;
        }

        return lower switch
        {
            "k" => 1000,
            "ki" => BigInteger.One << 10,
            "g" => BigInteger.Pow(1000, 3),
            "gi" => BigInteger.One << 30,
            "t" => BigInteger.Pow(1000, 4),
            "ti" => BigInteger.One << 40,
            "p" => BigInteger.Pow(1000, 5),
            "pi" => BigInteger.One << 50,
            "e" => BigInteger.Pow(1000, 6),
            "ei" => BigInteger.One << 60,
            _ => null,
        };
    }

    private static BuiltinResult UnitsParseBytes(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var raw, out var error))
        {
            return error;
        }

        var s = raw.ToLowerInvariant().Replace("\"", string.Empty, StringComparison.Ordinal);
        if (s.Contains(' ', StringComparison.Ordinal))
        {
            return UnitsError("units.parse_bytes", "spaces not allowed in resource strings");
        }

        if (!UnitsSplit(s, out var number, out var unit))
        {
            return UnitsError("units.parse_bytes", "exponent too large");
        }

        if (number.Length == 0)
        {
            return UnitsError("units.parse_bytes", "no byte amount provided");
        }

        BigInteger? multiplier = unit switch
        {
            "" => 1,
            "kb" or "k" => 1000,
            "kib" or "ki" => BigInteger.One << 10,
            "mb" or "m" => BigInteger.Pow(1000, 2),
            "mib" or "mi" => BigInteger.One << 20,
            "gb" or "g" => BigInteger.Pow(1000, 3),
            "gib" or "gi" => BigInteger.One << 30,
            "tb" or "t" => BigInteger.Pow(1000, 4),
            "tib" or "ti" => BigInteger.One << 40,
            "pb" or "p" => BigInteger.Pow(1000, 5),
            "pib" or "pi" => BigInteger.One << 50,
            "eb" or "e" => BigInteger.Pow(1000, 6),
            "eib" or "ei" => BigInteger.One << 60,
            _ => null,
        };
        if (multiplier is null)
        {
            return UnitsError("units.parse_bytes", $"byte unit {unit} not recognized");
        }

        if (!UnitsRational(number, out var num, out var den))
        {
            return UnitsError("units.parse_bytes", "could not parse byte amount to a number");
        }

        var total = GoBigFloat.FromRational(num, den).Multiply(GoBigFloat.FromRational(multiplier.Value, 1)).Truncate();
        return NumberValue.FromBigInteger(total);
    }

    /// <summary>The errors carry the builtin name twice, as OPA's do (wrapped once more by the evaluator).</summary>
    private static BuiltinResult UnitsError(string name, string message) => BuiltinResult.Fail($"{name}: {name}: {message}");

    /// <summary>OPA's extractNumAndUnit: the numeric prefix (digits, '.', exponent) and the rest.</summary>
    private static bool UnitsSplit(string s, out string number, out string unit)
    {
        var boundary = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-')
            {
                boundary = i;
                break;
            }

            if (c is 'e' or 'E')
            {
                if (i == s.Length - 1 || (!char.IsAsciiDigit(s[i + 1]) && s[i + 1] != '+' && s[i + 1] != '-'))
                {
                    boundary = i;
                    break;
                }

                if (s[i + 1] is '+' or '-')
                {
                    i++;
                }

                var end = i + 1;
                while (end < s.Length && char.IsAsciiDigit(s[end]))
                {
                    end++;
                }

                if (end - (i + 1) > UnitsMaxExponentDigits)
                {
                    number = unit = string.Empty;
                    return false;
                }
            }
        }

        (number, unit) = boundary switch
        {
            -1 => (s, string.Empty),
            0 => (string.Empty, s),
            _ => (s[..boundary], s[boundary..]),
        };
        return true;
    }

    /// <summary>Parses a decimal number (optional sign, fraction, exponent) as an exact rational.</summary>
    private static bool UnitsRational(string text, out BigInteger numerator, out BigInteger denominator)
    {
        numerator = 0;
        denominator = 1;
        var match = UnitsDecimalSyntax().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var integerPart = match.Groups["int"].Value;
        var fraction = match.Groups["frac"].Value;
        var exponent = match.Groups["exp"].Success ? int.Parse(match.Groups["exp"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        numerator = BigInteger.Parse("0" + integerPart + fraction, CultureInfo.InvariantCulture);
        exponent -= fraction.Length;
        if (exponent >= 0)
        {
            numerator *= BigInteger.Pow(10, exponent);
        }
        else
        {
            denominator = BigInteger.Pow(10, -exponent);
        }

        if (match.Groups["sign"].Value == "-")
        {
            numerator = -numerator;
        }

        return true;
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?:(?<int>[0-9]+)\.?(?<frac>[0-9]*)|\.(?<frac>[0-9]+))(?:[eE](?<exp>[+-]?[0-9]+))?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UnitsDecimalSyntax();

    private static (BigInteger Num, BigInteger Den) UnitsExactDouble(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var mantissa = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1075;
        return exponent >= 0 ? (new BigInteger(mantissa) << exponent, 1) : (mantissa, BigInteger.One << -exponent);
    }

    /// <summary>big.Rat.FloatString: fixed decimals, the last rounded half away from zero.</summary>
    private static string UnitsFloatString(BigInteger num, BigInteger den, int decimals)
    {
        var negative = num.Sign < 0;
        num = BigInteger.Abs(num);
        var scale = BigInteger.Pow(10, decimals);
        var scaled = BigInteger.DivRem(num * scale, den, out var remainder);
        if (remainder * 2 >= den)
        {
            scaled++;
        }

        var integer = BigInteger.DivRem(scaled, scale, out var fraction);
        var text = integer.ToString(CultureInfo.InvariantCulture) + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
        return negative ? "-" + text : text;
    }
}
