namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// github.com/yashtewari/glob-intersection, as regex.globs_match uses it: two patterns made of
/// characters, <c>.</c> (any character), sets <c>[a-z0-9]</c>, each optionally followed by <c>+</c> or
/// <c>*</c>; answers whether some string matches both. Decided by searching the product automaton.
/// </summary>
internal static class GlobIntersection
{
    private enum Repeat
    {
        One,
        Plus,
        Star,
    }

    private sealed record Token(bool Any, HashSet<int> Runes, Repeat Repeat);

    public static bool NonEmpty(string left, string right, out string? error)
    {
        var a = Tokenize(left, out error);
        if (a is null)
        {
            return false;
        }

        var b = Tokenize(right, out error);
        if (b is null)
        {
            return false;
        }

        // Expand x+ into x x* so every token is either exactly-one or zero-or-more.
        var x = Expand(a);
        var y = Expand(b);
        var seen = new HashSet<(int, int)>();
        var queue = new Queue<(int, int)>();
        queue.Enqueue((0, 0));
        while (queue.Count > 0)
        {
            var (i, j) = queue.Dequeue();
            if (!seen.Add((i, j)))
            {
                continue;
            }

            if (i == x.Count && j == y.Count)
            {
                return true;
            }

            if (i < x.Count && x[i].Repeat == Repeat.Star)
            {
                queue.Enqueue((i + 1, j));
            }

            if (j < y.Count && y[j].Repeat == Repeat.Star)
            {
                queue.Enqueue((i, j + 1));
            }

            if (i < x.Count && j < y.Count && Overlap(x[i], y[j]))
            {
                queue.Enqueue((x[i].Repeat == Repeat.Star ? i : i + 1, y[j].Repeat == Repeat.Star ? j : j + 1));
            }
        }

        return false;
    }

    private static List<Token> Expand(List<Token> tokens)
    {
        var result = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Repeat == Repeat.Plus)
            {
                result.Add(token with { Repeat = Repeat.One });
                result.Add(token with { Repeat = Repeat.Star });
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    private static bool Overlap(Token a, Token b) =>
        a.Any || b.Any || a.Runes.Overlaps(b.Runes);

    private static List<Token>? Tokenize(string input, out string? error)
    {
        var runes = input.EnumerateRunes().Select(r => r.Value).ToArray();
        var tokens = new List<Token>();
        var i = 0;
        error = null;
        while (i < runes.Length)
        {
            var (r, escaped) = Next(runes, ref i, input, out error);
            if (error is not null)
            {
                return null;
            }

            Token token;
            if (!escaped && r == '.')
            {
                token = new Token(true, [], Repeat.One);
            }
            else if (!escaped && r == ']')
            {
                error = Invalid(input, i, "set-close ']' with no preceding '['");
                return null;
            }
            else if (!escaped && r == '[')
            {
                var set = Set(runes, ref i, input, out error);
                if (set is null)
                {
                    return null;
                }

                token = new Token(false, set, Repeat.One);
            }
            else if (!escaped && r is '+' or '*')
            {
                error = Invalid(input, i, $"flag '{(char)r}' must be preceded by a non-flag");
                return null;
            }
            else
            {
                token = new Token(false, [r], Repeat.One);
            }

            if (i < runes.Length && runes[i] is '+' or '*')
            {
                token = token with { Repeat = runes[i] == '+' ? Repeat.Plus : Repeat.Star };
                i++;
            }

            tokens.Add(token);
        }

        return tokens;
    }

    private static HashSet<int>? Set(int[] runes, ref int i, string input, out string? error)
    {
        var set = new HashSet<int>();
        var previous = -1;
        error = null;
        while (i < runes.Length)
        {
            var (r, escaped) = Next(runes, ref i, input, out error);
            if (error is not null)
            {
                return null;
            }

            if (!escaped && r == ']')
            {
                return set;
            }

            if (!escaped && r == '-')
            {
                if (previous < 0)
                {
                    error = Invalid(input, i, "range character '-' must be preceded by a Unicode character");
                    return null;
                }

                if (i >= runes.Length - 1)
                {
                    error = Invalid(input, i, "range character '-' must be followed by a Unicode character");
                    return null;
                }

                var (hi, hiEscaped) = Next(runes, ref i, input, out error);
                if (error is not null)
                {
                    return null;
                }

                if (!hiEscaped && hi is ']' or '-')
                {
                    error = Invalid(input, i, "range character '-' cannot be followed by a special symbol");
                    return null;
                }

                if (hi < previous)
                {
                    error = Invalid(input, i, $"range is out of order: '{char.ConvertFromUtf32(hi)}' comes before '{char.ConvertFromUtf32(previous)}' in Unicode");
                    return null;
                }

                for (var c = previous; c <= hi; c++)
                {
                    set.Add(c);
                }

                previous = -1;
                continue;
            }

            set.Add(r);
            previous = r;
        }

        error = Invalid(input, i, "found [ without matching ]");
        return null;
    }

    private static (int Rune, bool Escaped) Next(int[] runes, ref int i, string input, out string? error)
    {
        error = null;
        if (runes[i] == '\\')
        {
            if (i == runes.Length - 1)
            {
                error = Invalid(input, i, "input ends with a \\ (escape) character");
                return (0, false);
            }

            i += 2;
            return (runes[i - 1], true);
        }

        return (runes[i++], false);
    }

    private static string Invalid(string input, int position, string message) =>
        $"input:{input}, pos:{position}, {message}: the input provided is invalid";
}
