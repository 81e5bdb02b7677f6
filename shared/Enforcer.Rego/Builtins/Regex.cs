using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Regular expression builtins over Go RE2 syntax (translated to .NET, with a match timeout).</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterRegex(BuiltinTableBuilder builtins)
    {
        builtins.Add("regex.match", 2, RegexMatch, ["string", "string"], "boolean");
        builtins.Add("re_match", 2, RegexMatch, ["string", "string"], "boolean");
        builtins.Add("regex.is_valid", 1, static (_, a) => Value.From(a[0] is StringValue s && GoRegex.Compile(s.Value, out var _) is not null), ["any"], "boolean");
        builtins.Add("regex.split", 2, RegexSplit, ["string", "string"], "array");
        builtins.Add("regex.find_n", 3, RegexFindN, ["string", "string", "number"], "array");
        builtins.Add("regex.find_all_string_submatch_n", 3, RegexFindAllSubmatch, ["string", "string", "number"], "array");
        builtins.Add("regex.replace", 3, RegexReplace, ["string", "string", "string"], "string");
        builtins.Add("regex.template_match", 4, RegexTemplateMatch, ["string", "string", "string", "string"], "boolean");
        builtins.Add("regex.globs_match", 2, RegexGlobsMatch, ["string", "string"], "boolean");
    }

    private static bool RegexCompile(BuiltinContext context, string pattern, out GoRegex regex, out BuiltinResult error)
    {
        var compiled = GoRegex.Compile(pattern, out var message);
        if (compiled is null)
        {
            regex = null!;
            error = BuiltinResult.Fail(context, message!);
            return false;
        }

        regex = compiled;
        error = default;
        return true;
    }

    private static BuiltinResult RegexMatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var pattern, out var error) ||
            !OperandString(context, args[1], 2, out var value, out error) ||
            !RegexCompile(context, pattern, out var regex, out error))
        {
            return error;
        }

        return Value.From(regex.IsMatch(value));
    }

    private static BuiltinResult RegexSplit(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var pattern, out var error) ||
            !OperandString(context, args[1], 2, out var value, out error) ||
            !RegexCompile(context, pattern, out var regex, out error))
        {
            return error;
        }

        return new ArrayValue([.. regex.Split(value).Select(s => (Value)new StringValue(s))]);
    }

    private static BuiltinResult RegexFindN(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var pattern, out var error) ||
            !OperandString(context, args[1], 2, out var value, out error) ||
            !OperandInt(context, args[2], 3, out var n, out error) ||
            !RegexCompile(context, pattern, out var regex, out error))
        {
            return error;
        }

        var matches = regex.FindAll(value, n < 0 ? -1 : (int)Math.Min(n, int.MaxValue));
        return new ArrayValue([.. matches.Select(m => (Value)new StringValue(m.Value))]);
    }

    private static BuiltinResult RegexFindAllSubmatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var pattern, out var error) ||
            !OperandString(context, args[1], 2, out var value, out error) ||
            !OperandInt(context, args[2], 3, out var n, out error) ||
            !RegexCompile(context, pattern, out var regex, out error))
        {
            return error;
        }

        var result = new List<Value>();
        foreach (var match in regex.FindAll(value, n < 0 ? -1 : (int)Math.Min(n, int.MaxValue)))
        {
            var groups = new Value[regex.GroupCount + 1];
            for (var i = 0; i <= regex.GroupCount; i++)
            {
                groups[i] = new StringValue(regex.GroupValue(match, i) ?? string.Empty);
            }

            result.Add(new ArrayValue(groups));
        }

        return new ArrayValue([.. result]);
    }

    private static BuiltinResult RegexReplace(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var input, out var error) ||
            !OperandString(context, args[1], 2, out var pattern, out error) ||
            !OperandString(context, args[2], 3, out var replacement, out error) ||
            !RegexCompile(context, pattern, out var regex, out error))
        {
            return error;
        }

        return new StringValue(regex.ReplaceAll(input, replacement));
    }

    private static BuiltinResult RegexTemplateMatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var template, out var error) ||
            !OperandString(context, args[1], 2, out var value, out error) ||
            !OperandString(context, args[2], 3, out var start, out error) ||
            !OperandString(context, args[3], 4, out var end, out error))
        {
            return error;
        }

        if (start.Length != 1)
        {
            return BuiltinResult.Fail(context, $"start delimiter has to be exactly one character long but is {start.Length} long");
        }

        if (end.Length != 1)
        {
            return BuiltinResult.Fail(context, $"end delimiter has to be exactly one character long but is {start.Length} long");
        }

        var pattern = RegexTemplatePattern(template, start[0], end[0], out var message);
        if (pattern is null)
        {
            return BuiltinResult.Fail(context, message!);
        }

        if (!RegexCompile(context, pattern, out var regex, out error))
        {
            return error;
        }

        return Value.From(regex.IsMatch(value));
    }

    /// <summary>Literal text is quoted, text between the delimiters is a regex; the whole is anchored.</summary>
    private static string? RegexTemplatePattern(string template, char open, char close, out string? error)
    {
        var indices = new List<int>();
        var level = 0;
        var index = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == open)
            {
                if (++level == 1)
                {
                    index = i;
                }
            }
            else if (template[i] == close)
            {
                if (--level == 0)
                {
                    indices.Add(index);
                    indices.Add(i + 1);
                }
                else if (level < 0)
                {
                    error = $"unbalanced braces in {GoQuote.Quote(template)}";
                    return null;
                }
            }
        }

        if (level != 0)
        {
            error = $"unbalanced braces in {GoQuote.Quote(template)}";
            return null;
        }

        var pattern = new System.Text.StringBuilder("^");
        var endOfLast = 0;
        for (var i = 0; i < indices.Count; i += 2)
        {
            var raw = template[endOfLast..indices[i]];
            endOfLast = indices[i + 1];
            var inner = template[(indices[i] + 1)..(endOfLast - 1)];
            if (GoRegex.Compile("^" + inner + "$", out error) is null)
            {
                return null;
            }

            pattern.Append(RegexQuoteMeta(raw)).Append('(').Append(inner).Append(')');
        }

        pattern.Append(RegexQuoteMeta(template[endOfLast..])).Append('$');
        error = null;
        return pattern.ToString();
    }

    /// <summary>Go's regexp.QuoteMeta.</summary>
    private static string RegexQuoteMeta(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static BuiltinResult RegexGlobsMatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var a, out var error) ||
            !OperandString(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        var result = GlobIntersection.NonEmpty(a, b, out var message);
        return message is null ? Value.From(result) : BuiltinResult.Fail(context, message);
    }
}
