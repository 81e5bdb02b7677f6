using System.Globalization;
using System.Text;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// The YAML OPA's yaml.* builtins need (sigs.k8s.io/yaml over go-yaml v2): block and flow collections,
/// plain, quoted and literal/folded scalars, YAML 1.1 scalar resolution (yes/no/on/off are booleans),
/// and go-yaml's block emitter style. Anchors, tags and multi-document streams are not supported.
/// </summary>
internal static class GoYaml
{
    public static Value? Parse(string text, out string? error)
    {
        try
        {
            var parser = new Parser(text);
            error = null;
            return parser.ParseDocument();
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    public static string Marshal(Value value)
    {
        var builder = new StringBuilder();
        switch (value)
        {
            case ObjectValue { Count: > 0 } or ArrayValue { Count: > 0 } or SetValue { Count: > 0 }:
                WriteBlock(builder, value, 0);
                break;
            default:
                builder.Append(Scalar(value, 0)).Append('\n');
                break;
        }

        return builder.ToString();
    }

    private static void WriteBlock(StringBuilder builder, Value value, int indent)
    {
        var pad = new string(' ', indent);
        switch (value)
        {
            case ObjectValue o:
                var entries = Enumerable.Range(0, o.Count)
                    .Select(i => (Key: o.Keys[i] is StringValue k ? k.Value : o.Keys[i].ToString(), Value: o.Values[i]))
                    .OrderBy(e => e.Key, StringComparer.Ordinal);
                foreach (var (key, item) in entries)
                {
                    builder.Append(pad).Append(StringScalar(key, indent)).Append(':');
                    WriteChild(builder, item, indent, inSequence: false);
                }

                break;
            default:
                foreach (var item in value is ArrayValue a ? a.AsSpan() : ((SetValue)value).AsSpan())
                {
                    builder.Append(pad).Append('-');
                    if (IsNonEmptyCollection(item))
                    {
                        // The first line of a nested collection shares the "- " line.
                        var nested = new StringBuilder();
                        WriteBlock(nested, item, indent + 2);
                        builder.Append(' ').Append(nested.ToString(indent + 2, nested.Length - (indent + 2)));
                    }
                    else
                    {
                        builder.Append(' ').Append(Scalar(item, indent + 2)).Append('\n');
                    }
                }

                break;
        }
    }

    private static void WriteChild(StringBuilder builder, Value item, int indent, bool inSequence)
    {
        if (item is ObjectValue { Count: > 0 })
        {
            builder.Append('\n');
            WriteBlock(builder, item, indent + 2);
        }
        else if (item is ArrayValue { Count: > 0 } or SetValue { Count: > 0 })
        {
            // go-yaml does not indent a sequence under a mapping key.
            builder.Append('\n');
            WriteBlock(builder, item, inSequence ? indent + 2 : indent);
        }
        else
        {
            builder.Append(' ').Append(Scalar(item, indent + 2)).Append('\n');
        }
    }

    private static bool IsNonEmptyCollection(Value v) => v is ObjectValue { Count: > 0 } or ArrayValue { Count: > 0 } or SetValue { Count: > 0 };

    private static string Scalar(Value value, int indent) => value switch
    {
        NullValue => "null",
        BooleanValue b => b.Value ? "true" : "false",
        NumberValue n => n.ToString(),
        StringValue s => StringScalar(s.Value, indent),
        ObjectValue => "{}",
        _ => "[]",
    };

    private static string StringScalar(string s, int indent)
    {
        if (s.Contains('\n', StringComparison.Ordinal))
        {
            var pad = new string(' ', indent);
            var body = s.EndsWith('\n') ? s[..^1] : s;
            var header = s.EndsWith('\n') ? "|" : "|-";
            return header + "\n" + string.Join('\n', body.Split('\n').Select(line => line.Length == 0 ? string.Empty : pad + line));
        }

        if (Resolve(s) is not StringValue)
        {
            return "\"" + s + "\"";
        }

        return PlainAllowed(s) ? s : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool PlainAllowed(string s)
    {
        if (s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal) && !(s.Length > 1 && s[0] is '-' or '?' or ':' && !char.IsWhiteSpace(s[1]) && s[0] != ':'))
        {
            return false;
        }

        if (s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':'))
        {
            return false;
        }

        return s.All(c => c >= ' ' && c != '\u007F' && c != '\t');
    }

    /// <summary>YAML 1.1 resolution of a plain scalar, as go-yaml v2.</summary>
    public static Value Resolve(string s)
    {
        switch (s)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return Value.Null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return Value.True;
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return Value.False;
        }

        var clean = s.Replace("_", string.Empty, StringComparison.Ordinal);
        var sign = clean.StartsWith('-') ? -1 : 1;
        var digits = clean.TrimStart('+', '-');
        if (clean.Length > 0 && (char.IsAsciiDigit(clean[0]) || (clean.Length > 1 && clean[0] is '+' or '-' or '.')))
        {
            if (digits.StartsWith("0x", StringComparison.Ordinal) && digits.Length > 2 &&
                System.Numerics.BigInteger.TryParse("0" + digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                return NumberValue.FromBigInteger(sign * hex);
            }

            if (digits.Length > 1 && digits[0] == '0' && digits.All(c => c is >= '0' and <= '7'))
            {
                var octal = digits.Aggregate(System.Numerics.BigInteger.Zero, (acc, c) => (acc * 8) + (c - '0'));
                return NumberValue.FromBigInteger(sign * octal);
            }

            if (CastsLikeNumber(clean) && NumberValue.TryParse(clean.TrimStart('+')) is { } number)
            {
                return number;
            }
        }

        return new StringValue(s);
    }

    private static bool CastsLikeNumber(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var exponent = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponent++;
            }

            if (exponent == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private sealed class Parser
    {
        private readonly List<Line> _lines = [];
        private int _pos;

        public Parser(string text)
        {
            var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < raw.Length; i++)
            {
                var line = raw[i];
                if (line.Contains('\t', StringComparison.Ordinal) && line.TrimStart(' ').StartsWith('\t'))
                {
                    throw Error(i + 1, "found character that cannot start any token");
                }

                var content = StripComment(line);
                if (content.Trim().Length == 0 || content.Trim() is "---" or "...")
                {
                    continue;
                }

                var indent = content.Length - content.TrimStart(' ').Length;
                _lines.Add(new Line(indent, content.Trim(), i + 1));
            }
        }

        private sealed record Line(int Indent, string Text, int Number);

        public Value ParseDocument()
        {
            if (_lines.Count == 0)
            {
                return Value.Null;
            }

            var value = ParseBlock(_lines[0].Indent);
            if (_pos < _lines.Count)
            {
                throw Error(_lines[_pos].Number, "did not find expected <document start>");
            }

            return value;
        }

        private static FormatException Error(int line, string message) =>
            new($"yaml: line {line}: {message}");

        private Value ParseBlock(int indent)
        {
            var line = _lines[_pos];
            if (IsSequenceItem(line.Text))
            {
                return ParseSequence(line.Indent);
            }

            if (MappingColon(line.Text) >= 0)
            {
                return ParseMapping(line.Indent);
            }

            _pos++;
            return ParseInline(line.Text, line.Number, indent);
        }

        private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

        private Value ParseSequence(int indent)
        {
            var items = new List<Value>();
            while (_pos < _lines.Count && _lines[_pos].Indent == indent && IsSequenceItem(_lines[_pos].Text))
            {
                var line = _lines[_pos];
                var rest = line.Text.Length > 1 ? line.Text[2..].TrimStart(' ') : string.Empty;
                if (rest.Length == 0)
                {
                    _pos++;
                    items.Add(_pos < _lines.Count && _lines[_pos].Indent > indent ? ParseBlock(_lines[_pos].Indent) : Value.Null);
                    continue;
                }

                // The item's content acts as a line of its own, indented to where it starts.
                var column = indent + (line.Text.Length - rest.Length);
                _lines[_pos] = new Line(column, rest, line.Number);
                items.Add(ParseBlock(column));
            }

            return new ArrayValue([.. items]);
        }

        private Value ParseMapping(int indent)
        {
            var entries = new Dictionary<string, Value>(StringComparer.Ordinal);
            var order = new List<string>();
            while (_pos < _lines.Count && _lines[_pos].Indent == indent && !IsSequenceItem(_lines[_pos].Text))
            {
                var line = _lines[_pos];
                var colon = MappingColon(line.Text);
                if (colon < 0)
                {
                    throw Error(line.Number, "could not find expected ':'");
                }

                var keyText = line.Text[..colon].Trim();
                var key = keyText.Length > 0 && keyText[0] is '"' or '\'' ? Unquote(keyText, line.Number) : keyText;
                var keyValue = keyText.Length > 0 && keyText[0] is '"' or '\'' ? new StringValue(key) : Resolve(key);
                var name = keyValue is StringValue ks ? ks.Value : keyValue.ToString();
                var rest = line.Text[(colon + 1)..].Trim();
                _pos++;
                Value value;
                if (rest.Length == 0)
                {
                    var nested = _pos < _lines.Count && (_lines[_pos].Indent > indent || (_lines[_pos].Indent == indent && IsSequenceItem(_lines[_pos].Text)));
                    value = nested ? ParseBlock(_lines[_pos].Indent) : Value.Null;
                }
                else if (rest[0] is '|' or '>')
                {
                    value = new StringValue(BlockScalar(rest, indent));
                }
                else
                {
                    value = ParseInline(rest, line.Number, indent);
                }

                if (!entries.ContainsKey(name))
                {
                    order.Add(name);
                }

                entries[name] = value;
            }

            if (_pos < _lines.Count && _lines[_pos].Indent > indent)
            {
                throw Error(_lines[_pos].Number, "mapping values are not allowed in this context");
            }

            return ObjectValue.FromStrings(order.Select(k => new KeyValuePair<string, Value>(k, entries[k])));
        }

        private string BlockScalar(string header, int indent)
        {
            var literal = header[0] == '|';
            var keep = header.Contains('+', StringComparison.Ordinal);
            var strip = header.Contains('-', StringComparison.Ordinal);
            var lines = new List<string>();
            while (_pos < _lines.Count && _lines[_pos].Indent > indent)
            {
                lines.Add(_lines[_pos].Text);
                _pos++;
            }

            var body = literal ? string.Join('\n', lines) : string.Join(' ', lines);
            return strip || lines.Count == 0 ? body : body + "\n" + (keep ? string.Empty : string.Empty);
        }

        /// <summary>A scalar or flow collection; an unclosed flow collection continues on following lines.</summary>
        private Value ParseInline(string text, int lineNumber, int indent)
        {
            if (text[0] is '[' or '{')
            {
                while (!Balanced(text) && _pos < _lines.Count && _lines[_pos].Indent > indent - 1)
                {
                    text += " " + _lines[_pos].Text;
                    _pos++;
                }

                var flow = new Flow(text, lineNumber);
                var value = flow.ParseValue();
                flow.ExpectEnd();
                return value;
            }

            if (text[0] is '"' or '\'')
            {
                return new StringValue(Unquote(text, lineNumber));
            }

            if (text[0] is '&' or '*' or '!')
            {
                throw Error(lineNumber, "anchors, aliases and tags are not supported");
            }

            // Plain multi-line scalars fold their continuation lines with spaces.
            while (_pos < _lines.Count && _lines[_pos].Indent > indent && MappingColon(_lines[_pos].Text) < 0 && !IsSequenceItem(_lines[_pos].Text))
            {
                text += " " + _lines[_pos].Text;
                _pos++;
            }

            return Resolve(text);
        }

        private static bool Balanced(string text)
        {
            var depth = 0;
            char? quote = null;
            foreach (var c in text)
            {
                if (quote is not null)
                {
                    if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }
            }

            return depth <= 0;
        }

        /// <summary>The index of the key's ':' (followed by a space or the end), outside quotes and brackets; -1 when none.</summary>
        private static int MappingColon(string text)
        {
            if (text.Length == 0 || IsSequenceItem(text))
            {
                return -1;
            }

            char? quote = null;
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is not null)
                {
                    if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (c is '"' or '\'' && i == 0)
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }
                else if (c == ':' && depth == 0 && (i + 1 == text.Length || text[i + 1] == ' '))
                {
                    return i;
                }
            }

            return -1;
        }

        private static string StripComment(string line)
        {
            char? quote = null;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote is not null)
                {
                    if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '[' or '{' or ',' or ':'))
                {
                    quote = c;
                }
                else if (c == '#' && (i == 0 || line[i - 1] == ' '))
                {
                    return line[..i];
                }
            }

            return line;
        }

        private static string Unquote(string text, int lineNumber)
        {
            var flow = new Flow(text, lineNumber);
            var value = flow.ParseQuoted();
            flow.ExpectEnd();
            return value;
        }
    }

    /// <summary>Flow style: [a, b], {k: v}, quoted and plain scalars on one logical line.</summary>
    private sealed class Flow(string text, int line)
    {
        private int _i;

        public Value ParseValue()
        {
            SkipSpaces();
            if (_i >= text.Length)
            {
                return Value.Null;
            }

            switch (text[_i])
            {
                case '[':
                    _i++;
                    var items = new List<Value>();
                    while (true)
                    {
                        SkipSpaces();
                        if (_i >= text.Length)
                        {
                            throw new FormatException($"yaml: line {line}: did not find expected ',' or ']'");
                        }

                        if (text[_i] == ']')
                        {
                            _i++;
                            return new ArrayValue([.. items]);
                        }

                        items.Add(ParseValue());
                        SkipSpaces();
                        if (_i < text.Length && text[_i] == ',')
                        {
                            _i++;
                        }
                        else if (_i >= text.Length || text[_i] != ']')
                        {
                            throw new FormatException($"yaml: line {line}: did not find expected ',' or ']'");
                        }
                    }

                case '{':
                    _i++;
                    var entries = new List<KeyValuePair<string, Value>>();
                    while (true)
                    {
                        SkipSpaces();
                        if (_i >= text.Length)
                        {
                            throw new FormatException($"yaml: line {line}: did not find expected ',' or '}}'");
                        }

                        if (text[_i] == '}')
                        {
                            _i++;
                            return ObjectValue.FromStrings(entries);
                        }

                        var key = ParseValue();
                        SkipSpaces();
                        Value value = Value.Null;
                        if (_i < text.Length && text[_i] == ':')
                        {
                            _i++;
                            value = ParseValue();
                        }

                        entries.Add(new(key is StringValue ks ? ks.Value : key.ToString(), value));
                        SkipSpaces();
                        if (_i < text.Length && text[_i] == ',')
                        {
                            _i++;
                        }
                        else if (_i >= text.Length || text[_i] != '}')
                        {
                            throw new FormatException($"yaml: line {line}: did not find expected ',' or '}}'");
                        }
                    }

                case '"' or '\'':
                    return new StringValue(ParseQuoted());
                default:
                    var start = _i;
                    while (_i < text.Length && text[_i] is not (',' or ']' or '}') &&
                        !(text[_i] == ':' && (_i + 1 >= text.Length || text[_i + 1] is ' ' or ',' or ']' or '}')))
                    {
                        _i++;
                    }

                    return Resolve(text[start.._i].Trim());
            }
        }

        public string ParseQuoted()
        {
            var quote = text[_i++];
            var builder = new StringBuilder();
            while (true)
            {
                if (_i >= text.Length)
                {
                    throw new FormatException($"yaml: line {line}: found unexpected end of stream");
                }

                var c = text[_i++];
                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        if (_i < text.Length && text[_i] == '\'')
                        {
                            builder.Append('\'');
                            _i++;
                            continue;
                        }

                        return builder.ToString();
                    }

                    builder.Append(c);
                    continue;
                }

                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_i >= text.Length)
                {
                    throw new FormatException($"yaml: line {line}: found unexpected end of stream");
                }

                var e = text[_i++];
                switch (e)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0': builder.Append('\0'); break;
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case ' ': builder.Append(' '); break;
                    case 'x' or 'u' or 'U':
                        var length = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (_i + length > text.Length || !int.TryParse(text.AsSpan(_i, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException($"yaml: line {line}: found unknown escape character while parsing a quoted scalar");
                        }

                        builder.Append(char.ConvertFromUtf32(code));
                        _i += length;
                        break;
                    default:
                        throw new FormatException($"yaml: line {line}: found unknown escape character while parsing a quoted scalar");
                }
            }
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_i < text.Length)
            {
                throw new FormatException($"yaml: line {line}: did not find expected <document start>");
            }
        }

        private void SkipSpaces()
        {
            while (_i < text.Length && text[_i] == ' ')
            {
                _i++;
            }
        }
    }
}
