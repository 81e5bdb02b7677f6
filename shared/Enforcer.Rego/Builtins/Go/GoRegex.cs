using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// An RE2 pattern compiled to .NET (see <see cref="Re2Translator"/>) with Go's regexp match-iteration
/// rules: FindAll skips an empty match right after a previous match, ReplaceAll expands <c>$1</c>,
/// <c>${name}</c> as Go's Expand does. Compiled patterns are cached.
/// </summary>
internal sealed class GoRegex
{
    private const int CacheLimit = 256;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<string, GoRegex> Cache = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<string> _groupNames;

    private GoRegex(Regex regex, IReadOnlyList<string> groupNames)
    {
        Regex = regex;
        _groupNames = groupNames;
    }

    public Regex Regex { get; }

    /// <summary>Number of capturing groups.</summary>
    public int GroupCount => _groupNames.Count;

    /// <summary>Compiles (or fetches from the cache); null with Go's error text when the pattern is invalid.</summary>
    public static GoRegex? Compile(string pattern, out string? error)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            error = null;
            return cached;
        }

        if (!Re2Translator.TryTranslate(pattern, out var translated, out var names, out error))
        {
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = "error parsing regexp: " + ex.Message;
            return null;
        }

        var compiled = new GoRegex(regex, names);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[pattern] = compiled;
        return compiled;
    }

    public bool IsMatch(string input) => Regex.IsMatch(input);

    /// <summary>The text of group <paramref name="index"/> (0 = whole match), or null when it did not take part.</summary>
    public string? GroupValue(Match match, int index)
    {
        var group = index == 0 ? match : match.Groups[Re2Translator.GroupName(index)];
        return group.Success ? group.Value : null;
    }

    /// <summary>Go's allMatches: up to <paramref name="limit"/> matches (negative = all).</summary>
    public List<Match> FindAll(string input, int limit)
    {
        var result = new List<Match>();
        if (limit < 0)
        {
            limit = int.MaxValue;
        }

        var pos = 0;
        var previousEnd = -1;
        while (result.Count < limit && pos <= input.Length)
        {
            var match = Regex.Match(input, pos);
            if (!match.Success)
            {
                break;
            }

            var accept = true;
            var end = match.Index + match.Length;
            if (match.Length == 0)
            {
                // No empty match right after the previous match; step one code point.
                if (match.Index == previousEnd)
                {
                    accept = false;
                }

                pos = match.Index + Width(input, match.Index);
            }
            else
            {
                pos = end;
            }

            previousEnd = end;
            if (accept)
            {
                result.Add(match);
            }
        }

        return result;
    }

    /// <summary>Go's Regexp.Split(s, -1).</summary>
    public List<string> Split(string input)
    {
        if (input.Length == 0)
        {
            return [string.Empty];
        }

        var parts = new List<string>();
        var begin = 0;
        var end = 0;
        foreach (var match in FindAll(input, -1))
        {
            end = match.Index;
            if (match.Index + match.Length != 0)
            {
                parts.Add(input[begin..end]);
            }

            begin = match.Index + match.Length;
        }

        if (end != input.Length)
        {
            parts.Add(input[begin..]);
        }

        return parts;
    }

    /// <summary>Go's ReplaceAllString with template expansion.</summary>
    public string ReplaceAll(string input, string template)
    {
        var builder = new StringBuilder();
        var lastEnd = 0;
        var search = 0;
        while (search <= input.Length)
        {
            var match = Regex.Match(input, search);
            if (!match.Success)
            {
                break;
            }

            var end = match.Index + match.Length;
            builder.Append(input, lastEnd, match.Index - lastEnd);
            if (end > lastEnd || match.Index == 0)
            {
                Expand(builder, template, match);
            }

            lastEnd = end;
            var width = search < input.Length ? Width(input, search) : 1;
            search = search + width > end ? search + width : end;
        }

        builder.Append(input, lastEnd, input.Length - lastEnd);
        return builder.ToString();
    }

    /// <summary>Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$; a malformed reference keeps the '$'.</summary>
    private void Expand(StringBuilder builder, string template, Match match)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                break;
            }

            builder.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                builder.Append('$');
                i++;
                continue;
            }

            var brace = i < template.Length && template[i] == '{';
            var j = brace ? i + 1 : i;
            var nameStart = j;
            while (j < template.Length && (char.IsAsciiLetterOrDigit(template[j]) || template[j] == '_'))
            {
                j++;
            }

            var name = template[nameStart..j];
            if (name.Length == 0 || (brace && (j >= template.Length || template[j] != '}')))
            {
                builder.Append('$');
                continue;
            }

            i = brace ? j + 1 : j;
            string? value = null;
            if (name.All(char.IsAsciiDigit))
            {
                if (name.Length < 9 && int.TryParse(name, out var number) && number <= GroupCount)
                {
                    value = GroupValue(match, number);
                }
            }
            else
            {
                var index = -1;
                for (var k = 0; k < _groupNames.Count; k++)
                {
                    if (_groupNames[k] == name)
                    {
                        index = k + 1;
                        break;
                    }
                }

                if (index > 0)
                {
                    value = GroupValue(match, index);
                }
            }

            builder.Append(value);
        }

        builder.Append(template, i, template.Length - i);
    }

    private static int Width(string s, int index) => index < s.Length && char.IsSurrogatePair(s, index) ? 2 : 1;
}
