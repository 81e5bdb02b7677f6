using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// The glob syntax of github.com/gobwas/glob (what OPA's glob.match uses), compiled to an anchored .NET
/// regex: <c>*</c> (no separators), <c>**</c> (anything), <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>,
/// <c>[!...]</c>, <c>{alt1,alt2}</c> and backslash escapes.
/// </summary>
internal static class GoGlob
{
    private const int CacheLimit = 256;
    private const string SurrogatePair = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>The characters QuoteMeta escapes.</summary>
    private const string Specials = "*?\\[]{}";

    public static string QuoteMeta(string pattern)
    {
        var builder = new StringBuilder(pattern.Length * 2);
        foreach (var c in pattern)
        {
            if (Specials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Compiles a glob; null with an error message when the pattern is malformed.</summary>
    public static Regex? Compile(string pattern, IReadOnlyList<int> separators, out string? error)
    {
        var key = pattern + "\u0000" + string.Join(',', separators);
        if (Cache.TryGetValue(key, out var cached))
        {
            error = null;
            return cached;
        }

        var parser = new Parser(pattern, separators);
        var body = parser.Parse(out error);
        if (body is null)
        {
            return null;
        }

        var regex = new Regex("\\A(?:" + body + ")\\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(2));
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[key] = regex;
        return regex;
    }

    private static string Unit(int c) => c > 0xFFFF
        ? "(?:" + string.Concat(char.ConvertFromUtf32(c).Select(u => "\\u" + ((int)u).ToString("X4", CultureInfo.InvariantCulture))) + ")"
        : "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);

    private sealed class Parser(string pattern, IReadOnlyList<int> separators)
    {
        private readonly int[] _runes = [.. pattern.EnumerateRunes().Select(r => r.Value)];
        private int _pos;

        public string? Parse(out string? error)
        {
            var result = Sequence(0, out error);
            if (error is null && _pos < _runes.Length)
            {
                error = "unexpected end of input";
                return null;
            }

            return error is null ? result : null;
        }

        /// <summary>A run of glob items; inside braces it stops at ',' or '}'.</summary>
        private string Sequence(int depth, out string? error)
        {
            var builder = new StringBuilder();
            error = null;
            while (_pos < _runes.Length)
            {
                var c = _runes[_pos];
                if (depth > 0 && (c == ',' || c == '}'))
                {
                    break;
                }

                switch (c)
                {
                    case '*':
                        _pos++;
                        if (_pos < _runes.Length && _runes[_pos] == '*')
                        {
                            _pos++;
                            builder.Append("[\\s\\S]*");
                        }
                        else
                        {
                            builder.Append(separators.Count == 0 ? "[\\s\\S]*" : "[^" + SeparatorClass() + "]*");
                        }

                        break;
                    case '?':
                        _pos++;
                        builder.Append(separators.Count == 0 ? "(?:" + SurrogatePair + "|[\\s\\S])" : "(?:" + SurrogatePair + "|[^" + SeparatorClass() + "])");
                        break;
                    case '[':
                        _pos++;
                        var range = Range(out error);
                        if (error is not null)
                        {
                            return string.Empty;
                        }

                        builder.Append(range);
                        break;
                    case '{':
                        _pos++;
                        var alternatives = new List<string>();
                        while (true)
                        {
                            alternatives.Add(Sequence(depth + 1, out error));
                            if (error is not null)
                            {
                                return string.Empty;
                            }

                            if (_pos >= _runes.Length)
                            {
                                error = "unexpected end of input";
                                return string.Empty;
                            }

                            var separator = _runes[_pos++];
                            if (separator == '}')
                            {
                                break;
                            }
                        }

                        builder.Append("(?:").Append(string.Join('|', alternatives)).Append(')');
                        break;
                    case '}':
                        error = "unexpected end of input";
                        return string.Empty;
                    case '\\':
                        _pos++;
                        if (_pos >= _runes.Length)
                        {
                            error = "unexpected end of input";
                            return string.Empty;
                        }

                        builder.Append(Unit(_runes[_pos++]));
                        break;
                    default:
                        builder.Append(Unit(c));
                        _pos++;
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>gobwas ranges: either one "lo-hi" pair or a list of characters, optionally negated with '!'.</summary>
        private string Range(out string? error)
        {
            error = null;
            var negated = false;
            if (_pos < _runes.Length && _runes[_pos] == '!')
            {
                negated = true;
                _pos++;
            }

            var items = new StringBuilder();
            if (_pos + 2 < _runes.Length && _runes[_pos + 1] == '-')
            {
                var lo = _runes[_pos];
                var hi = _runes[_pos + 2];
                _pos += 3;
                if (_pos >= _runes.Length || _runes[_pos] != ']')
                {
                    error = "expected close range character";
                    return string.Empty;
                }

                _pos++;
                if (hi < lo)
                {
                    error = "hi character should be greater than lo character";
                    return string.Empty;
                }

                items.Append(Unit(lo)).Append('-').Append(Unit(hi));
            }
            else
            {
                var any = false;
                while (true)
                {
                    if (_pos >= _runes.Length)
                    {
                        error = "unexpected end of input";
                        return string.Empty;
                    }

                    var c = _runes[_pos++];
                    if (c == ']')
                    {
                        break;
                    }

                    if (c == '\\' && _pos < _runes.Length)
                    {
                        c = _runes[_pos++];
                    }

                    items.Append(Unit(c));
                    any = true;
                }

                if (!any)
                {
                    error = "unexpected length of lo character";
                    return string.Empty;
                }
            }

            return negated ? "(?:" + SurrogatePair + "|[^" + items + "])" : "[" + items + "]";
        }

        private string SeparatorClass() => string.Concat(separators.Select(Unit));
    }
}
