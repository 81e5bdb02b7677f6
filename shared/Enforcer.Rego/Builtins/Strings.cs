using System.Globalization;
using System.Numerics;
using System.Text;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// String builtins with OPA's semantics: positions and lengths count Unicode code points (runes),
/// comparisons are ordinal, and sprintf follows Go's fmt verbs.
/// </summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterStrings(BuiltinTableBuilder builtins)
    {
        builtins.Add("concat", 2, StringsConcat, ["string", "any"], "string");
        builtins.Add("contains", 2, StringsContains, ["string", "string"], "boolean");
        builtins.Add("startswith", 2, StringsStartsWith, ["string", "string"], "boolean");
        builtins.Add("endswith", 2, StringsEndsWith, ["string", "string"], "boolean");
        builtins.Add("format_int", 2, StringsFormatInt, ["number", "number"], "string");
        builtins.Add("indexof", 2, StringsIndexOf, ["string", "string"], "number");
        builtins.Add("indexof_n", 2, StringsIndexOfN, ["string", "string"], "array");
        builtins.Add("lower", 1, StringsLower, ["string"], "string");
        builtins.Add("upper", 1, StringsUpper, ["string"], "string");
        builtins.Add("replace", 3, StringsReplace, ["string", "string", "string"], "string");
        builtins.Add("split", 2, StringsSplit, ["string", "string"], "array");
        builtins.Add("sprintf", 2, StringsSprintf, ["string", "array"], "string");
        builtins.Add("substring", 3, StringsSubstring, ["string", "number", "number"], "string");
        builtins.Add("trim", 2, StringsTrim, ["string", "string"], "string");
        builtins.Add("trim_left", 2, StringsTrimLeft, ["string", "string"], "string");
        builtins.Add("trim_right", 2, StringsTrimRight, ["string", "string"], "string");
        builtins.Add("trim_prefix", 2, StringsTrimPrefix, ["string", "string"], "string");
        builtins.Add("trim_suffix", 2, StringsTrimSuffix, ["string", "string"], "string");
        builtins.Add("trim_space", 1, StringsTrimSpace, ["string"], "string");
        builtins.Add("strings.any_prefix_match", 2, StringsAnyPrefixMatch, ["any", "any"], "boolean");
        builtins.Add("strings.any_suffix_match", 2, StringsAnySuffixMatch, ["any", "any"], "boolean");
        builtins.Add("strings.count", 2, StringsCount, ["string", "string"], "number");
        builtins.Add("strings.replace_n", 2, StringsReplaceN, ["object", "string"], "string");
        builtins.Add("strings.reverse", 1, StringsReverse, ["string"], "string");
        builtins.Add("strings.split_n", 3, StringsSplitN, ["string", "string", "number"], "array");
    }

    private static BuiltinResult StringsConcat(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var separator, out var error))
        {
            return error;
        }

        if (args[1] is not ArrayValue and not SetValue)
        {
            return BuiltinResult.OperandTypeError(context, 2, args[1], "one of {set, array}");
        }

        var items = args[1] is ArrayValue array ? array.AsSpan() : ((SetValue)args[1]).AsSpan();
        var parts = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not StringValue s)
            {
                return OperandElementError(context, 2, args[1], items[i], "string");
            }

            parts[i] = s.Value;
        }

        return new StringValue(string.Join(separator, parts));
    }

    private static bool StringsTwo(BuiltinContext context, ReadOnlySpan<Value> args, out string a, out string b, out BuiltinResult error)
    {
        b = string.Empty;
        return OperandString(context, args[0], 1, out a, out error) && OperandString(context, args[1], 2, out b, out error);
    }

    private static BuiltinResult StringsContains(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var sub, out var error) ? Value.From(s.Contains(sub, StringComparison.Ordinal)) : error;

    private static BuiltinResult StringsStartsWith(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var prefix, out var error) ? Value.From(s.StartsWith(prefix, StringComparison.Ordinal)) : error;

    private static BuiltinResult StringsEndsWith(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var suffix, out var error) ? Value.From(s.EndsWith(suffix, StringComparison.Ordinal)) : error;

    private static BuiltinResult StringsFormatInt(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandNumber(context, args[0], 1, out var input, out var error) ||
            !OperandNumber(context, args[1], 2, out var numberBase, out error))
        {
            return error;
        }

        if (!numberBase.TryGetInt64(out var b) || b is not (2 or 8 or 10 or 16))
        {
            return OperandError(context, 2, "must be one of {2, 8, 10, 16}");
        }

        // Go truncates the number toward zero before formatting.
        var integer = StringsTruncate(input);
        var magnitude = BigInteger.Abs(integer);
        var digits = b == 10 ? magnitude.ToString(CultureInfo.InvariantCulture) : StringsToBase(magnitude, (int)b);
        return new StringValue(integer.Sign < 0 ? "-" + digits : digits);
    }

    private static BigInteger StringsTruncate(NumberValue number)
    {
        if (number.TryGetBigInteger(out var big))
        {
            return big;
        }

        if (number.TryGetDecimal(out var dec))
        {
            return new BigInteger(decimal.Truncate(dec));
        }

        return new BigInteger(Math.Truncate(number.ToDouble()));
    }

    private static string StringsToBase(BigInteger magnitude, int numberBase)
    {
        if (magnitude.IsZero)
        {
            return "0";
        }

        var chars = new List<char>();
        while (!magnitude.IsZero)
        {
            chars.Add("0123456789abcdef"[(int)(magnitude % numberBase)]);
            magnitude /= numberBase;
        }

        chars.Reverse();
        return new string([.. chars]);
    }

    private static BuiltinResult StringsIndexOf(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsTwo(context, args, out var s, out var search, out var error))
        {
            return error;
        }

        if (search.Length == 0)
        {
            return BuiltinResult.Fail(context, "empty search character");
        }

        var index = s.IndexOf(search, StringComparison.Ordinal);
        return Value.From(index < 0 ? -1 : StringsRuneCount(s.AsSpan(0, index)));
    }

    private static BuiltinResult StringsIndexOfN(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsTwo(context, args, out var s, out var search, out var error))
        {
            return error;
        }

        if (search.Length == 0)
        {
            return BuiltinResult.Fail(context, "empty search character");
        }

        var result = new List<Value>();
        var from = 0;
        while (from <= s.Length)
        {
            var index = s.IndexOf(search, from, StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }

            result.Add(Value.From(StringsRuneCount(s.AsSpan(0, index))));

            // Overlapping matches count, as in OPA: advance one code point.
            from = index + (char.IsHighSurrogate(s[index]) && index + 1 < s.Length ? 2 : 1);
        }

        return new ArrayValue([.. result]);
    }

    private static int StringsRuneCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static BuiltinResult StringsLower(BuiltinContext context, ReadOnlySpan<Value> args) =>
        OperandString(context, args[0], 1, out var s, out var error) ? new StringValue(s.ToLowerInvariant()) : error;

    private static BuiltinResult StringsUpper(BuiltinContext context, ReadOnlySpan<Value> args) =>
        OperandString(context, args[0], 1, out var s, out var error) ? new StringValue(s.ToUpperInvariant()) : error;

    private static BuiltinResult StringsReplace(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsTwo(context, args, out var s, out var old, out var error) ||
            !OperandString(context, args[2], 3, out var replacement, out error))
        {
            return error;
        }

        return new StringValue(StringsReplaceAll(s, [(old, replacement)]));
    }

    /// <summary>
    /// Go's strings.Replacer: scans left to right; at each position the first pair (in order) whose old
    /// string matches wins; matches do not overlap. An empty old string matches between every code point.
    /// </summary>
    private static string StringsReplaceAll(string s, IReadOnlyList<(string Old, string New)> pairs)
    {
        if (pairs.Count == 1 && pairs[0].Old.Length > 0)
        {
            return s.Replace(pairs[0].Old, pairs[0].New, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(s.Length);
        var i = 0;
        while (true)
        {
            var matched = false;
            foreach (var (old, replacement) in pairs)
            {
                if (string.CompareOrdinal(s, i, old, 0, old.Length) == 0 && i + old.Length <= s.Length)
                {
                    builder.Append(replacement);
                    if (old.Length > 0)
                    {
                        i += old.Length;
                        matched = true;
                    }
                    else if (i < s.Length)
                    {
                        var width = char.IsSurrogatePair(s, i) ? 2 : 1;
                        builder.Append(s, i, width);
                        i += width;
                        matched = true;
                    }

                    break;
                }
            }

            if (i >= s.Length && !matched)
            {
                break;
            }

            if (!matched)
            {
                var width = char.IsSurrogatePair(s, i) ? 2 : 1;
                builder.Append(s, i, width);
                i += width;
            }
            else if (i >= s.Length && pairs.All(p => p.Old.Length > 0))
            {
                break;
            }
        }

        return builder.ToString();
    }

    private static BuiltinResult StringsReplaceN(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var patterns, out var error))
        {
            return error;
        }

        if (!OperandString(context, args[1], 2, out var s, out error))
        {
            return error;
        }

        var pairs = new List<(string, string)>();
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns.Keys[i] is not StringValue key)
            {
                return OperandError(context, 1, "non-string key found in pattern object");
            }

            if (patterns.Values[i] is not StringValue value)
            {
                return OperandError(context, 1, "non-string value found in pattern object");
            }

            pairs.Add((key.Value, value.Value));
        }

        return new StringValue(pairs.Count == 0 ? s : StringsReplaceAll(s, pairs));
    }

    private static BuiltinResult StringsSplit(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsTwo(context, args, out var s, out var delimiter, out var error))
        {
            return error;
        }

        if (delimiter.Length == 0)
        {
            return new ArrayValue([.. StringsSplitParts(s, delimiter).Select(p => (Value)new StringValue(p))]);
        }

        // Straight into the result array: split is called on every resource name by many policies.
        var parts = new Value[s.AsSpan().Count(delimiter) + 1];
        var start = 0;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var at = s.IndexOf(delimiter, start, StringComparison.Ordinal);
            parts[i] = new StringValue(s[start..at]);
            start = at + delimiter.Length;
        }

        parts[^1] = new StringValue(s[start..]);
        return new ArrayValue(parts);
    }

    /// <summary>Go's strings.Split: an empty delimiter splits into code points.</summary>
    private static List<string> StringsSplitParts(string s, string delimiter)
    {
        if (delimiter.Length == 0)
        {
            var runes = new List<string>();
            foreach (var rune in s.EnumerateRunes())
            {
                runes.Add(rune.ToString());
            }

            return runes;
        }

        return [.. s.Split(delimiter, StringSplitOptions.None)];
    }

    private static BuiltinResult StringsSplitN(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsTwo(context, args, out var s, out var delimiter, out var error) ||
            !OperandInt(context, args[2], 3, out var n, out error))
        {
            return error;
        }

        var parts = s.Length == 0 ? [string.Empty] : StringsSplitParts(s, delimiter);

        // n > 0 keeps the first n parts, n < 0 the last |n|, n == 0 none.
        IEnumerable<string> kept = n switch
        {
            0 => [],
            > 0 => parts.Take((int)Math.Min(n, int.MaxValue)),
            _ => parts.Skip(Math.Max(0, parts.Count - (int)Math.Min(-n, int.MaxValue))),
        };
        return new ArrayValue([.. kept.Select(p => (Value)new StringValue(p))]);
    }

    private static BuiltinResult StringsSprintf(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var format, out var error))
        {
            return error;
        }

        if (args[1] is not ArrayValue array)
        {
            return BuiltinResult.OperandTypeError(context, 2, args[1], "array");
        }

        var arguments = new GoFormatArgument[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            arguments[i] = StringsFormatArgument(array[i]);
        }

        return new StringValue(GoFormatter.Sprintf(format, arguments));
    }

    /// <summary>How OPA hands a Rego value to Go's fmt: int, *big.Int, float64, or else its string/term text.</summary>
    private static GoFormatArgument StringsFormatArgument(Value value) => value switch
    {
        NumberValue n when n.TryGetInt64(out var l) => GoFormatArgument.FromInteger(l),
        NumberValue n when n.TryGetBigInteger(out var big) && StringsBeyondFloat(big) is { } literal => GoFormatArgument.FromString(literal),
        NumberValue n when n.TryGetBigInteger(out var big) => GoFormatArgument.FromBigInteger(big),
        NumberValue n => GoFormatArgument.FromFloat(n.ToDouble()),
        StringValue s => GoFormatArgument.FromString(s.Value),
        _ => GoFormatArgument.FromString(value.ToString()),
    };

    /// <summary>
    /// OPA keeps number literals as written; one beyond float64 range written with an exponent
    /// (2e308) reaches fmt as its text. Integers of that size with trailing zeros are shown that way.
    /// </summary>
    private static string? StringsBeyondFloat(BigInteger value)
    {
        if (!double.IsInfinity((double)value))
        {
            return null;
        }

        var digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        var significant = digits.TrimEnd('0');
        var zeros = digits.Length - significant.Length;
        return zeros == 0 ? null : (value.Sign < 0 ? "-" : string.Empty) + significant + "e" + zeros.ToString(CultureInfo.InvariantCulture);
    }

    private static BuiltinResult StringsSubstring(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var s, out var error) ||
            !OperandInt(context, args[1], 2, out var start, out error) ||
            !OperandInt(context, args[2], 3, out var length, out error))
        {
            return error;
        }

        if (start < 0)
        {
            return BuiltinResult.Fail(context, "negative offset");
        }

        var runes = s.EnumerateRunes().ToArray();
        if (start >= runes.Length)
        {
            return StringValue.Empty;
        }

        var end = length < 0 ? runes.Length : (int)Math.Min(runes.Length, start + length);
        var builder = new StringBuilder();
        for (var i = (int)start; i < end; i++)
        {
            builder.Append(runes[i].ToString());
        }

        return new StringValue(builder.ToString());
    }

    private static BuiltinResult StringsTrim(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var cutset, out var error) ? new StringValue(StringsTrimRunes(s, cutset, true, true)) : error;

    private static BuiltinResult StringsTrimLeft(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var cutset, out var error) ? new StringValue(StringsTrimRunes(s, cutset, true, false)) : error;

    private static BuiltinResult StringsTrimRight(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var cutset, out var error) ? new StringValue(StringsTrimRunes(s, cutset, false, true)) : error;

    /// <summary>Go's strings.Trim family: drops leading/trailing code points found in the cutset.</summary>
    private static string StringsTrimRunes(string s, string cutset, bool left, bool right)
    {
        if (cutset.Length == 0 || s.Length == 0)
        {
            return s;
        }

        var cut = new HashSet<Rune>(cutset.EnumerateRunes());
        var runes = s.EnumerateRunes().ToArray();
        var from = 0;
        var to = runes.Length;
        if (left)
        {
            while (from < to && cut.Contains(runes[from]))
            {
                from++;
            }
        }

        if (right)
        {
            while (to > from && cut.Contains(runes[to - 1]))
            {
                to--;
            }
        }

        var builder = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            builder.Append(runes[i].ToString());
        }

        return builder.ToString();
    }

    private static BuiltinResult StringsTrimPrefix(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var prefix, out var error)
            ? (s.StartsWith(prefix, StringComparison.Ordinal) ? new StringValue(s[prefix.Length..]) : args[0])
            : error;

    private static BuiltinResult StringsTrimSuffix(BuiltinContext context, ReadOnlySpan<Value> args) =>
        StringsTwo(context, args, out var s, out var suffix, out var error)
            ? (s.EndsWith(suffix, StringComparison.Ordinal) ? new StringValue(s[..^suffix.Length]) : args[0])
            : error;

    private static BuiltinResult StringsTrimSpace(BuiltinContext context, ReadOnlySpan<Value> args) =>
        OperandString(context, args[0], 1, out var s, out var error) ? new StringValue(s.Trim()) : error;

    private static bool StringsOneOrMany(BuiltinContext context, Value value, int position, out List<string> result, out BuiltinResult error)
    {
        if (value is StringValue s)
        {
            result = [s.Value];
            error = default;
            return true;
        }

        if (value is ArrayValue or SetValue)
        {
            return OperandStrings(context, value, position, out result, out error);
        }

        result = [];
        error = BuiltinResult.OperandTypeError(context, position, value, "one of {string, set, array}");
        return false;
    }

    private static BuiltinResult StringsAnyPrefixMatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsOneOrMany(context, args[0], 1, out var strings, out var error) ||
            !StringsOneOrMany(context, args[1], 2, out var prefixes, out error))
        {
            return error;
        }

        return Value.From(strings.Any(s => prefixes.Any(p => s.StartsWith(p, StringComparison.Ordinal))));
    }

    private static BuiltinResult StringsAnySuffixMatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsOneOrMany(context, args[0], 1, out var strings, out var error) ||
            !StringsOneOrMany(context, args[1], 2, out var suffixes, out error))
        {
            return error;
        }

        return Value.From(strings.Any(s => suffixes.Any(p => s.EndsWith(p, StringComparison.Ordinal))));
    }

    private static BuiltinResult StringsCount(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!StringsTwo(context, args, out var s, out var sub, out var error))
        {
            return error;
        }

        // Go's strings.Count: non-overlapping matches; an empty substring counts code points + 1.
        if (sub.Length == 0)
        {
            return Value.From(StringsRuneCount(s) + 1);
        }

        var count = 0;
        var from = 0;
        while ((from = s.IndexOf(sub, from, StringComparison.Ordinal)) >= 0)
        {
            count++;
            from += sub.Length;
        }

        return Value.From(count);
    }

    private static BuiltinResult StringsReverse(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var s, out var error))
        {
            return error;
        }

        var runes = s.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        var builder = new StringBuilder(s.Length);
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return new StringValue(builder.ToString());
    }
}
