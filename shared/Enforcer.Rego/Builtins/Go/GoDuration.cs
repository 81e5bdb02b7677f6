namespace Enforcer.Rego.Builtins.Go;

/// <summary>Go's time.ParseDuration (units ns, us, µs, ms, s, m, h) plus OPA's d, w and y.</summary>
internal static class GoDuration
{
    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["us"] = 1_000,
        ["\u00B5s"] = 1_000,
        ["\u03BCs"] = 1_000,
        ["ms"] = 1_000_000,
        ["s"] = 1_000_000_000,
        ["m"] = 60_000_000_000,
        ["h"] = 3_600_000_000_000,

        // OPA's duration grammar extends Go's with days, weeks and (365-day) years.
        ["d"] = 86_400_000_000_000,
        ["w"] = 604_800_000_000_000,
        ["y"] = 31_536_000_000_000_000,
    };

    public static long? Parse(string text, out string? error)
    {
        var original = text;
        var invalid = "time: invalid duration " + GoTimeLayout.Quote(original);
        error = invalid;
        ulong total = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text == "0")
        {
            error = null;
            return 0;
        }

        if (text.Length == 0)
        {
            return null;
        }

        while (text.Length > 0)
        {
            if (!(text[0] == '.' || char.IsAsciiDigit(text[0])))
            {
                return null;
            }

            // Integer part.
            var i = 0;
            ulong value = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (value > (ulong.MaxValue >> 1) / 10)
                {
                    return null;
                }

                value = (value * 10) + (ulong)(text[i] - '0');
                if (value > 1UL << 63)
                {
                    return null;
                }

                i++;
            }

            var hasInteger = i > 0;
            text = text[i..];

            // Fraction.
            ulong fraction = 0;
            double scale = 1;
            var hasFraction = false;
            if (text.Length > 0 && text[0] == '.')
            {
                text = text[1..];
                var j = 0;
                var overflow = false;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    if (!overflow)
                    {
                        if (fraction > (long.MaxValue / 10))
                        {
                            overflow = true;
                        }
                        else
                        {
                            fraction = (fraction * 10) + (ulong)(text[j] - '0');
                            scale *= 10;
                        }
                    }

                    j++;
                }

                hasFraction = j > 0;
                text = text[j..];
            }

            if (!hasInteger && !hasFraction)
            {
                return null;
            }

            // Unit.
            var u = 0;
            while (u < text.Length && text[u] != '.' && !char.IsAsciiDigit(text[u]))
            {
                u++;
            }

            if (u == 0)
            {
                error = "time: missing unit in duration " + GoTimeLayout.Quote(original);
                return null;
            }

            var unitName = text[..u];
            text = text[u..];
            if (!Units.TryGetValue(unitName, out var unit))
            {
                error = "time: unknown unit " + GoTimeLayout.Quote(unitName) + " in duration " + GoTimeLayout.Quote(original);
                return null;
            }

            if (value > (1UL << 63) / unit)
            {
                return null;
            }

            value *= unit;
            if (fraction > 0)
            {
                value += (ulong)(fraction * (unit / scale));
                if (value > 1UL << 63)
                {
                    return null;
                }
            }

            total += value;
            if (total > 1UL << 63)
            {
                return null;
            }
        }

        if (negative)
        {
            error = null;
            return total == 1UL << 63 ? long.MinValue : -(long)total;
        }

        if (total > long.MaxValue)
        {
            return null;
        }

        error = null;
        return (long)total;
    }
}
