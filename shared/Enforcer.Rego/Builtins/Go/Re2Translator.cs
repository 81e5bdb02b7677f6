using System.Globalization;
using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// Translates Go's RE2 regular expression syntax into an equivalent .NET pattern, rejecting what RE2
/// rejects (backreferences, lookaround, possessive and over-large repeats). Differences it bridges:
/// ASCII-only \d \w \s and POSIX classes, <c>$</c> meaning end of text, the U (ungreedy) flag,
/// \Q...\E, octal and \x{...} escapes, code-point semantics for <c>.</c> and classes, and group
/// numbering (every group is named in order so numbering follows RE2's left-to-right order).
/// </summary>
internal sealed class Re2Translator
{
    private const int MaxRepeat = 1000;
    private const string SurrogatePair = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]";

    private readonly string _pattern;
    private readonly StringBuilder _out = new();
    private readonly List<string> _groupNames = [];
    private readonly Stack<Flags> _stack = new();
    private Flags _flags;
    private int _pos;

    private Re2Translator(string pattern) => _pattern = pattern;

    /// <summary>The .NET name given to RE2 group <c>i</c> (1-based).</summary>
    public static string GroupName(int index) => "re2g" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Translates; on failure returns false with Go's error text.</summary>
    public static bool TryTranslate(string pattern, out string translated, out IReadOnlyList<string> groupNames, out string? error)
    {
        var translator = new Re2Translator(pattern);
        error = translator.Run();
        translated = translator._out.ToString();
        groupNames = translator._groupNames;
        return error is null;
    }

    private string? Run()
    {
        // State for repetition checks: can the previous item take a quantifier, and was it one?
        var canRepeat = false;
        var lastWasRepeat = false;
        while (_pos < _pattern.Length)
        {
            var c = _pattern[_pos];
            switch (c)
            {
                case '(':
                    {
                        var error = OpenGroup();
                        if (error is not null)
                        {
                            return error;
                        }

                        canRepeat = false;
                        lastWasRepeat = false;
                        continue;
                    }

                case ')':
                    if (_stack.Count == 0)
                    {
                        return Error("unexpected )", _pattern);
                    }

                    _flags = _stack.Pop();
                    _out.Append(')');
                    _pos++;
                    canRepeat = true;
                    lastWasRepeat = false;
                    continue;
                case '|':
                    _out.Append('|');
                    _pos++;
                    canRepeat = false;
                    lastWasRepeat = false;
                    continue;
                case '*' or '+' or '?':
                    {
                        var start = _pos;
                        _pos++;
                        var error = Repeat(c.ToString(), start, canRepeat, lastWasRepeat);
                        if (error is not null)
                        {
                            return error;
                        }

                        lastWasRepeat = true;
                        continue;
                    }

                case '{':
                    {
                        var start = _pos;
                        if (TryParseRepeat(out var min, out var max, out var text))
                        {
                            if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && max < min))
                            {
                                return Error("invalid repeat count", _pattern[start.._pos]);
                            }

                            var error = Repeat(text, start, canRepeat, lastWasRepeat);
                            if (error is not null)
                            {
                                return error;
                            }

                            lastWasRepeat = true;
                            continue;
                        }

                        _out.Append("\\{");
                        _pos++;
                        canRepeat = true;
                        lastWasRepeat = false;
                        continue;
                    }

                case '^':
                    _out.Append(_flags.Multiline ? "(?m:^)" : "^");
                    _pos++;
                    canRepeat = true;
                    lastWasRepeat = false;
                    continue;
                case '$':
                    _out.Append(_flags.Multiline ? "(?m:$)" : "\\z");
                    _pos++;
                    canRepeat = true;
                    lastWasRepeat = false;
                    continue;
                case '.':
                    _out.Append(_flags.DotAll ? "(?:" + SurrogatePair + "|[\\s\\S])" : "(?:" + SurrogatePair + "|[^\\n])");
                    _pos++;
                    canRepeat = true;
                    lastWasRepeat = false;
                    continue;
                case '[':
                    {
                        var error = CharacterClass();
                        if (error is not null)
                        {
                            return error;
                        }

                        canRepeat = true;
                        lastWasRepeat = false;
                        continue;
                    }

                case '\\':
                    {
                        var error = Escape();
                        if (error is not null)
                        {
                            return error;
                        }

                        canRepeat = true;
                        lastWasRepeat = false;
                        continue;
                    }

                default:
                    AppendLiteral(NextRune());
                    canRepeat = true;
                    lastWasRepeat = false;
                    continue;
            }
        }

        if (_stack.Count > 0)
        {
            return Error("missing closing )", _pattern);
        }

        return null;
    }

    private string? Repeat(string op, int start, bool canRepeat, bool lastWasRepeat)
    {
        var lazy = false;
        if (_pos < _pattern.Length && _pattern[_pos] == '?')
        {
            lazy = true;
            _pos++;
        }

        if (lastWasRepeat)
        {
            return Error("invalid nested repetition operator", _pattern[(start - 1).._pos]);
        }

        if (!canRepeat)
        {
            return Error("missing argument to repetition operator", _pattern[start.._pos]);
        }

        // The U flag swaps the meaning of x* and x*?.
        if (_flags.Ungreedy)
        {
            lazy = !lazy;
        }

        _out.Append(op);
        if (lazy)
        {
            _out.Append('?');
        }

        return null;
    }

    private bool TryParseRepeat(out int min, out int max, out string text)
    {
        min = max = -1;
        text = string.Empty;
        var i = _pos + 1;
        var minStart = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        if (i == minStart || i >= _pattern.Length)
        {
            return false;
        }

        min = ParseCount(_pattern[minStart..i]);
        if (_pattern[i] == '}')
        {
            max = min;
            text = "{" + min.ToString(CultureInfo.InvariantCulture) + "}";
            _pos = i + 1;
            return true;
        }

        if (_pattern[i] != ',')
        {
            return false;
        }

        i++;
        var maxStart = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        max = i == maxStart ? -1 : ParseCount(_pattern[maxStart..i]);
        text = "{" + min.ToString(CultureInfo.InvariantCulture) + "," + (max < 0 ? string.Empty : max.ToString(CultureInfo.InvariantCulture)) + "}";
        _pos = i + 1;
        return true;
    }

    private static int ParseCount(string digits) =>
        digits.Length > 7 ? int.MaxValue : int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private string? OpenGroup()
    {
        var start = _pos;
        _pos++;
        if (_pos < _pattern.Length && _pattern[_pos] == '?')
        {
            var rest = _pattern[_pos..];
            if (rest.StartsWith("?P<", StringComparison.Ordinal) || rest.StartsWith("?<", StringComparison.Ordinal) && !rest.StartsWith("?<=", StringComparison.Ordinal) && !rest.StartsWith("?<!", StringComparison.Ordinal))
            {
                var nameStart = _pos + (rest[1] == 'P' ? 3 : 2);
                var end = _pattern.IndexOf('>', nameStart);
                if (end < 0)
                {
                    return Error("invalid named capture", _pattern[start..]);
                }

                var name = _pattern[nameStart..end];
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                {
                    return Error("invalid named capture", _pattern[start..(end + 1)]);
                }

                if (_groupNames.Contains(name))
                {
                    return Error("duplicate capture group name", _pattern[start..(end + 1)]);
                }

                _pos = end + 1;
                OpenCapture(name);
                return null;
            }

            // Flags: (?i) (?-s) (?im:...) — only i, m, s and U exist in RE2.
            var i = _pos + 1;
            var flags = _flags;
            var negate = false;
            var sawFlag = false;
            while (i < _pattern.Length)
            {
                var c = _pattern[i];
                switch (c)
                {
                    case 'i':
                        flags.IgnoreCase = !negate;
                        sawFlag = true;
                        break;
                    case 'm':
                        flags.Multiline = !negate;
                        sawFlag = true;
                        break;
                    case 's':
                        flags.DotAll = !negate;
                        sawFlag = true;
                        break;
                    case 'U':
                        flags.Ungreedy = !negate;
                        sawFlag = true;
                        break;
                    case '-':
                        if (negate)
                        {
                            return Error("invalid or unsupported Perl syntax", _pattern[start..(i + 1)]);
                        }

                        negate = true;
                        sawFlag = false;
                        break;
                    case ':' or ')':
                        if (negate && !sawFlag && i > _pos + 1)
                        {
                            return Error("invalid or unsupported Perl syntax", _pattern[start..(i + 1)]);
                        }

                        var caseChange = flags.IgnoreCase == _flags.IgnoreCase ? string.Empty : flags.IgnoreCase ? "i" : "-i";
                        if (c == ')')
                        {
                            // Flags apply to the rest of the enclosing group.
                            _flags = flags;
                            if (caseChange.Length > 0)
                            {
                                _out.Append("(?").Append(caseChange).Append(')');
                            }
                        }
                        else
                        {
                            _stack.Push(_flags);
                            _flags = flags;
                            _out.Append("(?").Append(caseChange).Append(':');
                        }

                        _pos = i + 1;
                        return null;
                    default:
                        return Error("invalid or unsupported Perl syntax", _pattern[start..Math.Min(i + 1, _pattern.Length)]);
                }

                i++;
            }

            return Error("missing closing )", _pattern);
        }

        OpenCapture(string.Empty);
        return null;
    }

    private void OpenCapture(string name)
    {
        _groupNames.Add(name);
        _stack.Push(_flags);
        _out.Append("(?<").Append(GroupName(_groupNames.Count)).Append('>');
    }

    private string? Escape()
    {
        var start = _pos;
        _pos++;
        if (_pos >= _pattern.Length)
        {
            return Error("trailing backslash at end of expression", string.Empty);
        }

        var c = _pattern[_pos];
        switch (c)
        {
            case 'Q':
                {
                    _pos++;
                    var end = _pattern.IndexOf("\\E", _pos, StringComparison.Ordinal);
                    var literal = end < 0 ? _pattern[_pos..] : _pattern[_pos..end];
                    _pos = end < 0 ? _pattern.Length : end + 2;
                    foreach (var rune in literal.EnumerateRunes())
                    {
                        AppendLiteral(rune.Value);
                    }

                    return null;
                }

            case 'A':
                _out.Append("\\A");
                _pos++;
                return null;
            case 'z':
                _out.Append("\\z");
                _pos++;
                return null;
            case 'b' or 'B':
                _out.Append('\\').Append(c);
                _pos++;
                return null;
        }

        var perl = PerlClass(c);
        if (perl is not null)
        {
            _pos++;
            _out.Append(RangesToClass(perl.Value.Ranges, perl.Value.Negated, []));
            return null;
        }

        if (c is 'p' or 'P')
        {
            var (item, error) = UnicodeClass(start);
            if (error is not null)
            {
                return error;
            }

            _out.Append(item);
            return null;
        }

        _pos = start;
        var (rune2, escapeError) = EscapedRune();
        if (escapeError is not null)
        {
            return escapeError;
        }

        AppendLiteral(rune2);
        return null;
    }

    /// <summary>An escape that denotes one code point (\n, \x41, \101, \., ...); _pos is at the backslash.</summary>
    private (int Rune, string? Error) EscapedRune()
    {
        var start = _pos;
        _pos++;
        if (_pos >= _pattern.Length)
        {
            return (0, Error("trailing backslash at end of expression", string.Empty));
        }

        var c = _pattern[_pos];
        switch (c)
        {
            case >= '1' and <= '7' when _pos + 1 >= _pattern.Length || _pattern[_pos + 1] is < '0' or > '7':
                return (0, Error("invalid escape sequence", _pattern[start..(_pos + 1)]));
            case >= '0' and <= '7':
                {
                    var value = 0;
                    var n = 0;
                    while (n < 3 && _pos < _pattern.Length && _pattern[_pos] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (_pattern[_pos] - '0');
                        _pos++;
                        n++;
                    }

                    return (value, null);
                }

            case 'x':
                {
                    _pos++;
                    if (_pos < _pattern.Length && _pattern[_pos] == '{')
                    {
                        var end = _pattern.IndexOf('}', _pos);
                        var hex = end < 0 ? string.Empty : _pattern[(_pos + 1)..end];
                        if (end < 0 || hex.Length == 0 || !hex.All(char.IsAsciiHexDigit) ||
                            !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) || value > 0x10FFFF)
                        {
                            return (0, Error("invalid escape sequence", _pattern[start..Math.Min(end < 0 ? _pattern.Length : end + 1, _pattern.Length)]));
                        }

                        _pos = end + 1;
                        return (value, null);
                    }

                    if (_pos + 2 > _pattern.Length || !char.IsAsciiHexDigit(_pattern[_pos]) || !char.IsAsciiHexDigit(_pattern[_pos + 1]))
                    {
                        return (0, Error("invalid escape sequence", _pattern[start..Math.Min(_pos + 2, _pattern.Length)]));
                    }

                    var v = int.Parse(_pattern.AsSpan(_pos, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _pos += 2;
                    return (v, null);
                }

            case 'a':
                _pos++;
                return (7, null);
            case 'f':
                _pos++;
                return ('\f', null);
            case 'n':
                _pos++;
                return ('\n', null);
            case 'r':
                _pos++;
                return ('\r', null);
            case 't':
                _pos++;
                return ('\t', null);
            case 'v':
                _pos++;
                return ('\v', null);
        }

        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            _pos++;
            return (c, null);
        }

        return (0, Error("invalid escape sequence", _pattern[start..(_pos + 1)]));
    }

    private static (List<(int Lo, int Hi)> Ranges, bool Negated)? PerlClass(char c) => c switch
    {
        'd' => ([('0', '9')], false),
        'D' => ([('0', '9')], true),
        's' => ([('\t', '\n'), ('\f', '\r'), (' ', ' ')], false),
        'S' => ([('\t', '\n'), ('\f', '\r'), (' ', ' ')], true),
        'w' => ([('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')], false),
        'W' => ([('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')], true),
        _ => null,
    };

    /// <summary>\pL, \p{Greek}, \PN, \p{^L}: a .NET class token; _pos is at the backslash.</summary>
    private (string Item, string? Error) UnicodeClass(int start)
    {
        var negated = _pattern[_pos] == 'P';
        _pos++;
        if (_pos >= _pattern.Length)
        {
            return (string.Empty, Error("invalid character class range", _pattern[start..]));
        }

        string name;
        if (_pattern[_pos] == '{')
        {
            var end = _pattern.IndexOf('}', _pos);
            if (end < 0)
            {
                return (string.Empty, Error("invalid character class range", _pattern[start..]));
            }

            name = _pattern[(_pos + 1)..end];
            _pos = end + 1;
        }
        else
        {
            name = _pattern[_pos].ToString();
            _pos++;
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        var mapped = UnicodeClassName(name);
        if (mapped is null)
        {
            return (string.Empty, Error("invalid character class range", _pattern[start.._pos]));
        }

        if (mapped == "Any")
        {
            return (negated ? "(?!)" : "(?:" + SurrogatePair + "|[\\s\\S])", null);
        }

        return ((negated ? "\\P{" : "\\p{") + mapped + "}", null);
    }

    private static readonly HashSet<string> Categories =
    [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs",
    ];

    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["Greek"] = "IsGreek",
        ["Cyrillic"] = "IsCyrillic",
        ["Han"] = "IsCJKUnifiedIdeographs",
        ["Arabic"] = "IsArabic",
        ["Hebrew"] = "IsHebrew",
        ["Hiragana"] = "IsHiragana",
        ["Katakana"] = "IsKatakana",
        ["Thai"] = "IsThai",
        ["Hangul"] = "IsHangulSyllables",
        ["Armenian"] = "IsArmenian",
        ["Georgian"] = "IsGeorgian",
        ["Devanagari"] = "IsDevanagari",
        ["Latin"] = "IsBasicLatin",
    };

    private static string? UnicodeClassName(string name) =>
        name == "Any" ? "Any" : Categories.Contains(name) ? name : Scripts.GetValueOrDefault(name);

    private string? CharacterClass()
    {
        var start = _pos;
        _pos++;
        var negated = false;
        if (_pos < _pattern.Length && _pattern[_pos] == '^')
        {
            negated = true;
            _pos++;
        }

        var ranges = new List<(int Lo, int Hi)>();
        var tokens = new List<string>();
        var first = true;
        while (true)
        {
            if (_pos >= _pattern.Length)
            {
                return Error("missing closing ]", _pattern[start..]);
            }

            if (_pattern[_pos] == ']' && !first)
            {
                _pos++;
                break;
            }

            first = false;

            // POSIX [:alpha:] and [:^alpha:].
            if (_pattern[_pos] == '[' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == ':')
            {
                var end = _pattern.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
                if (end >= 0)
                {
                    var name = _pattern[(_pos + 2)..end];
                    var posixNegated = name.StartsWith('^');
                    var posix = Posix(posixNegated ? name[1..] : name);
                    if (posix is null)
                    {
                        return Error("invalid character class range", _pattern[_pos..(end + 2)]);
                    }

                    ranges.AddRange(posixNegated ? Complement(posix) : posix);
                    _pos = end + 2;
                    continue;
                }
            }

            if (_pattern[_pos] == '\\' && _pos + 1 < _pattern.Length)
            {
                var next = _pattern[_pos + 1];
                var perl = PerlClass(next);
                if (perl is not null)
                {
                    ranges.AddRange(perl.Value.Negated ? Complement(perl.Value.Ranges) : perl.Value.Ranges);
                    _pos += 2;
                    continue;
                }

                if (next is 'p' or 'P')
                {
                    var itemStart = _pos;
                    _pos++;
                    var (item, error) = UnicodeClass(itemStart);
                    if (error is not null)
                    {
                        return error;
                    }

                    if (item.StartsWith("(?", StringComparison.Ordinal))
                    {
                        ranges.AddRange(item == "(?!)" ? [] : [(0, 0x10FFFF)]);
                    }
                    else
                    {
                        tokens.Add(item);
                    }

                    continue;
                }
            }

            var rangeStart = _pos;
            var (lo, loError) = ClassChar(start);
            if (loError is not null)
            {
                return loError;
            }

            var hi = lo;
            if (_pos + 1 < _pattern.Length && _pattern[_pos] == '-' && _pattern[_pos + 1] != ']')
            {
                _pos++;
                (hi, var hiError) = ClassChar(start);
                if (hiError is not null)
                {
                    return hiError;
                }

                if (hi < lo)
                {
                    return Error("invalid character class range", _pattern[rangeStart.._pos]);
                }
            }

            ranges.Add((lo, hi));
        }

        _out.Append(RangesToClass(ranges, negated, tokens));
        return null;
    }

    private (int Rune, string? Error) ClassChar(int classStart)
    {
        if (_pos >= _pattern.Length)
        {
            return (0, Error("missing closing ]", _pattern[classStart..]));
        }

        return _pattern[_pos] == '\\' ? EscapedRune() : (NextRune(), null);
    }

    private static List<(int Lo, int Hi)>? Posix(string name) => name switch
    {
        "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => [('A', 'Z'), ('a', 'z')],
        "ascii" => [(0, 0x7F)],
        "blank" => [('\t', '\t'), (' ', ' ')],
        "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
        "digit" => [('0', '9')],
        "graph" => [('!', '~')],
        "lower" => [('a', 'z')],
        "print" => [(' ', '~')],
        "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => [('\t', '\r'), (' ', ' ')],
        "upper" => [('A', 'Z')],
        "word" => [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
        _ => null,
    };

    private static List<(int Lo, int Hi)> Complement(List<(int Lo, int Hi)> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Lo).ToList();
        var result = new List<(int Lo, int Hi)>();
        var next = 0;
        foreach (var (lo, hi) in sorted)
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = Math.Max(next, hi + 1);
        }

        if (next <= 0x10FFFF)
        {
            result.Add((next, 0x10FFFF));
        }

        return result;
    }

    /// <summary>A class over code points: BMP ranges in one .NET class, supplementary ones as surrogate pairs.</summary>
    private static string RangesToClass(List<(int Lo, int Hi)> ranges, bool negated, List<string> tokens)
    {
        var bmp = new StringBuilder();
        var astral = new List<string>();
        foreach (var (lo, hi) in ranges)
        {
            if (lo <= 0xFFFF)
            {
                bmp.Append(Unit(lo));
                if (Math.Min(hi, 0xFFFF) > lo)
                {
                    bmp.Append('-').Append(Unit(Math.Min(hi, 0xFFFF)));
                }
            }

            if (hi > 0xFFFF)
            {
                astral.AddRange(SurrogateRanges(Math.Max(lo, 0x10000), hi));
            }
        }

        foreach (var token in tokens)
        {
            bmp.Append(token);
        }

        if (negated)
        {
            // Supplementary code points always match a negated class (an approximation for the rare
            // class that excludes some of them).
            return bmp.Length == 0 ? "(?:" + SurrogatePair + "|[\\s\\S])" : "(?:" + SurrogatePair + "|[^" + bmp + "])";
        }

        if (astral.Count == 0)
        {
            return bmp.Length == 0 ? "(?!)" : "[" + bmp + "]";
        }

        var alternatives = new List<string>(astral);
        if (bmp.Length > 0)
        {
            alternatives.Insert(0, "[" + bmp + "]");
        }

        return "(?:" + string.Join('|', alternatives) + ")";
    }

    private static IEnumerable<string> SurrogateRanges(int lo, int hi)
    {
        var loText = char.ConvertFromUtf32(lo);
        var hiText = char.ConvertFromUtf32(hi);
        int h1 = loText[0], l1 = loText[1], h2 = hiText[0], l2 = hiText[1];
        if (h1 == h2)
        {
            yield return Unit(h1) + "[" + Unit(l1) + "-" + Unit(l2) + "]";
            yield break;
        }

        yield return Unit(h1) + "[" + Unit(l1) + "-\\uDFFF]";
        if (h2 - h1 > 1)
        {
            yield return "[" + Unit(h1 + 1) + "-" + Unit(h2 - 1) + "][\\uDC00-\\uDFFF]";
        }

        yield return Unit(h2) + "[\\uDC00-" + Unit(l2) + "]";
    }

    private static string Unit(int c) => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);

    private void AppendLiteral(int rune)
    {
        if (rune > 0xFFFF)
        {
            var text = char.ConvertFromUtf32(rune);
            _out.Append("(?:").Append(Unit(text[0])).Append(Unit(text[1])).Append(')');
            return;
        }

        var c = (char)rune;
        if (char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= 0x80 && !char.IsSurrogate(c)))
        {
            _out.Append(c);
        }
        else
        {
            _out.Append(Unit(c));
        }
    }

    private int NextRune()
    {
        if (char.IsSurrogatePair(_pattern, _pos))
        {
            var rune = char.ConvertToUtf32(_pattern, _pos);
            _pos += 2;
            return rune;
        }

        return _pattern[_pos++];
    }

    private static string Error(string code, string expression) => $"error parsing regexp: {code}: `{expression}`";

    private struct Flags
    {
        public bool IgnoreCase;
        public bool Multiline;
        public bool DotAll;
        public bool Ungreedy;
    }
}
