using System.Globalization;
using System.Text;
using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Parsing;

/// <summary>Turns Rego source into tokens. Comments are dropped; newlines are recorded on the next token.</summary>
internal sealed class Lexer
{
    private readonly string _source;
    private readonly string _file;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public Lexer(string file, string source)
    {
        _file = file;
        _source = source;
    }

    /// <summary>Problems found while scanning (unterminated strings, stray characters).</summary>
    public List<(string Message, SourceSpan Span)> Errors { get; } = [];

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var (newline, space) = SkipTrivia();
            var token = Next(newline, space);
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfFile)
            {
                return tokens;
            }
        }
    }

    private (bool Newline, bool Space) SkipTrivia()
    {
        var newline = false;
        var space = false;
        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            if (c == '\n')
            {
                newline = true;
                space = true;
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                space = true;
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < _source.Length && _source[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }

        return (newline, space);
    }

    private SourceSpan SpanFrom(int start, int line, int lineStart) => new(_file, line, start - lineStart + 1, start, _pos);

    private Token Next(bool newline, bool space)
    {
        var start = _pos;
        var line = _line;
        var lineStart = _lineStart;
        if (_pos >= _source.Length)
        {
            return new Token(TokenKind.EndOfFile, string.Empty, SpanFrom(start, line, lineStart), newline, space);
        }

        var c = _source[_pos];
        if (char.IsLetter(c) || c == '_')
        {
            while (_pos < _source.Length && (char.IsLetterOrDigit(_source[_pos]) || _source[_pos] == '_'))
            {
                _pos++;
            }

            return Make(TokenKind.Identifier, _source[start.._pos]);
        }

        if (char.IsAsciiDigit(c))
        {
            return LexNumber();
        }

        if (c == '"')
        {
            return LexString();
        }

        if (c == '`')
        {
            _pos++;
            var begin = _pos;
            while (_pos < _source.Length && _source[_pos] != '`')
            {
                if (_source[_pos] == '\n')
                {
                    _line++;
                    _lineStart = _pos + 1;
                }

                _pos++;
            }

            if (_pos >= _source.Length)
            {
                Errors.Add(("non-terminated raw string", SpanFrom(start, line, lineStart)));
                return Make(TokenKind.RawString, _source[begin.._pos]);
            }

            _pos++;
            return Make(TokenKind.RawString, _source[begin..(_pos - 1)]);
        }

        _pos++;
        var next = _pos < _source.Length ? _source[_pos] : '\0';
        switch (c)
        {
            case '{': return Make(TokenKind.LeftBrace, "{");
            case '}': return Make(TokenKind.RightBrace, "}");
            case '[': return Make(TokenKind.LeftBracket, "[");
            case ']': return Make(TokenKind.RightBracket, "]");
            case '(': return Make(TokenKind.LeftParen, "(");
            case ')': return Make(TokenKind.RightParen, ")");
            case '.': return Make(TokenKind.Dot, ".");
            case ',': return Make(TokenKind.Comma, ",");
            case ';': return Make(TokenKind.Semicolon, ";");
            case '+': return Make(TokenKind.Plus, "+");
            case '-': return Make(TokenKind.Minus, "-");
            case '*': return Make(TokenKind.Star, "*");
            case '/': return Make(TokenKind.Slash, "/");
            case '%': return Make(TokenKind.Percent, "%");
            case '&': return Make(TokenKind.Ampersand, "&");
            case '|': return Make(TokenKind.Pipe, "|");
            case ':':
                if (next == '=')
                {
                    _pos++;
                    return Make(TokenKind.Assign, ":=");
                }

                return Make(TokenKind.Colon, ":");
            case '=':
                if (next == '=')
                {
                    _pos++;
                    return Make(TokenKind.Equal, "==");
                }

                return Make(TokenKind.Unify, "=");
            case '!':
                if (next == '=')
                {
                    _pos++;
                    return Make(TokenKind.NotEqual, "!=");
                }

                break;
            case '<':
                if (next == '=')
                {
                    _pos++;
                    return Make(TokenKind.LessEqual, "<=");
                }

                return Make(TokenKind.Less, "<");
            case '>':
                if (next == '=')
                {
                    _pos++;
                    return Make(TokenKind.GreaterEqual, ">=");
                }

                return Make(TokenKind.Greater, ">");
        }

        Errors.Add(($"illegal token '{c}'", SpanFrom(start, line, lineStart)));
        return Make(TokenKind.Invalid, c.ToString());

        Token Make(TokenKind kind, string text) => new(kind, text, SpanFrom(start, line, lineStart), newline, space);

        Token LexNumber()
        {
            while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
            {
                _pos++;
            }

            if (_pos + 1 < _source.Length && _source[_pos] == '.' && char.IsAsciiDigit(_source[_pos + 1]))
            {
                _pos++;
                while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
                {
                    _pos++;
                }
            }

            if (_pos < _source.Length && _source[_pos] is 'e' or 'E')
            {
                var save = _pos;
                _pos++;
                if (_pos < _source.Length && _source[_pos] is '+' or '-')
                {
                    _pos++;
                }

                if (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
                {
                    while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
                    {
                        _pos++;
                    }
                }
                else
                {
                    _pos = save;
                }
            }

            return Make(TokenKind.Number, _source[start.._pos]);
        }

        Token LexString()
        {
            _pos++;
            var builder = new StringBuilder();
            while (_pos < _source.Length && _source[_pos] != '"')
            {
                var ch = _source[_pos];
                if (ch == '\n')
                {
                    break;
                }

                if (ch == '\\' && _pos + 1 < _source.Length)
                {
                    _pos++;
                    var esc = _source[_pos];
                    switch (esc)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u' when _pos + 4 < _source.Length &&
                                      int.TryParse(_source.AsSpan(_pos + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                            builder.Append((char)code);
                            _pos += 4;
                            break;
                        default:
                            Errors.Add(($"invalid escape sequence '\\{esc}'", SpanFrom(_pos - 1, _line, _lineStart)));
                            break;
                    }

                    _pos++;
                    continue;
                }

                builder.Append(ch);
                _pos++;
            }

            if (_pos >= _source.Length || _source[_pos] != '"')
            {
                Errors.Add(("non-terminated string", SpanFrom(start, line, lineStart)));
            }
            else
            {
                _pos++;
            }

            return Make(TokenKind.String, builder.ToString());
        }
    }
}
