using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>Go's strconv.FormatFloat(v, fmt, prec, 64) for the formats e, E, f, g and G.</summary>
internal static class GoFloatText
{
    public static string Format(double value, char format, int precision)
    {
        var negative = double.IsNegative(value);
        var shortest = precision < 0;
        GoDecimal digits;
        if (shortest)
        {
            digits = GoDecimal.Shortest(value);
            precision = format switch
            {
                'e' or 'E' => Math.Max(digits.Digits.Length - 1, 0),
                'f' => Math.Max(digits.Digits.Length - digits.Point, 0),
                _ => digits.Digits.Length,
            };
        }
        else
        {
            var exact = GoDecimal.Exact(value);
            switch (format)
            {
                case 'e' or 'E':
                    digits = exact.Round(precision + 1);
                    break;
                case 'f':
                    digits = exact.Round(exact.Point + precision);
                    break;
                default:
                    if (precision == 0)
                    {
                        precision = 1;
                    }

                    digits = exact.Round(precision);
                    break;
            }
        }

        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        switch (format)
        {
            case 'e' or 'E':
                AppendExponent(builder, digits, precision, format);
                break;
            case 'f':
                AppendFixed(builder, digits, precision);
                break;
            default:
                var exponentPrecision = precision;
                if (exponentPrecision > digits.Digits.Length && digits.Digits.Length >= digits.Point)
                {
                    exponentPrecision = digits.Digits.Length;
                }

                if (shortest)
                {
                    exponentPrecision = 6;
                }

                var exponent = digits.Point - 1;
                if (exponent < -4 || exponent >= exponentPrecision)
                {
                    if (precision > digits.Digits.Length)
                    {
                        precision = digits.Digits.Length;
                    }

                    AppendExponent(builder, digits, precision - 1, format == 'g' ? 'e' : 'E');
                }
                else
                {
                    if (precision > digits.Point)
                    {
                        precision = digits.Digits.Length;
                    }

                    AppendFixed(builder, digits, Math.Max(precision - digits.Point, 0));
                }

                break;
        }

        return builder.ToString();
    }

    private static void AppendExponent(StringBuilder builder, GoDecimal d, int precision, char format)
    {
        var digits = d.Digits;
        builder.Append(digits.Length == 0 ? '0' : digits[0]);
        if (precision > 0)
        {
            builder.Append('.');
            var i = 1;
            var m = Math.Min(digits.Length, precision + 1);
            if (i < m)
            {
                builder.Append(digits, i, m - i);
                i = m;
            }

            for (; i <= precision; i++)
            {
                builder.Append('0');
            }
        }

        builder.Append(format);
        var exponent = digits.Length == 0 ? 0 : d.Point - 1;
        builder.Append(exponent < 0 ? '-' : '+');
        exponent = Math.Abs(exponent);
        if (exponent < 10)
        {
            builder.Append('0');
        }

        builder.Append(exponent);
    }

    private static void AppendFixed(StringBuilder builder, GoDecimal d, int precision)
    {
        var digits = d.Digits;
        if (d.Point > 0)
        {
            var m = Math.Min(digits.Length, d.Point);
            builder.Append(digits, 0, m);
            builder.Append('0', d.Point - m);
        }
        else
        {
            builder.Append('0');
        }

        if (precision > 0)
        {
            builder.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                var j = d.Point + i - 1;
                builder.Append(j >= 0 && j < digits.Length ? digits[j] : '0');
            }
        }
    }
}
