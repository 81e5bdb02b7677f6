using System.Globalization;
using System.Numerics;
using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// Go's fmt.Sprintf for the operand types OPA's sprintf passes (int, *big.Int, float64, string):
/// flags <c>#0+- </c>, width and precision (also <c>*</c> and <c>[n]</c> indexes), the verbs
/// <c>v d s q x X o O b e E f F g G c U t T %</c>, and Go's diagnostics such as
/// <c>%!d(string=x)</c>, <c>%!s(MISSING)</c> and <c>%!(EXTRA int=1)</c>.
/// </summary>
internal static class GoFormatter
{
    private const string LowerDigits = "0123456789abcdefx";
    private const string UpperDigits = "0123456789ABCDEFX";

    public static string Sprintf(string format, IReadOnlyList<GoFormatArgument> args)
    {
        var printer = new Printer(args);
        printer.Run(format);
        return printer.Output.ToString();
    }

    private sealed class Printer(IReadOnlyList<GoFormatArgument> args)
    {
        private Flags _f;
        private bool _reordered;
        private bool _goodArgNum;

        public StringBuilder Output { get; } = new();

        public void Run(string format)
        {
            var end = format.Length;
            var argNum = 0;
            var i = 0;
            while (i < end)
            {
                _goodArgNum = true;
                var last = i;
                while (i < end && format[i] != '%')
                {
                    i++;
                }

                if (i > last)
                {
                    Output.Append(format, last, i - last);
                }

                if (i >= end)
                {
                    break;
                }

                i++;
                _f = default;
                for (; i < end; i++)
                {
                    var c = format[i];
                    if (c == '#')
                    {
                        _f.Sharp = true;
                    }
                    else if (c == '0')
                    {
                        _f.Zero = true;
                    }
                    else if (c == '+')
                    {
                        _f.Plus = true;
                    }
                    else if (c == '-')
                    {
                        _f.Minus = true;
                    }
                    else if (c == ' ')
                    {
                        _f.Space = true;
                    }
                    else
                    {
                        break;
                    }
                }

                (argNum, i, var afterIndex) = ArgNumber(argNum, format, i);

                if (i < end && format[i] == '*')
                {
                    i++;
                    (_f.Width, _f.WidthPresent, argNum) = IntFromArg(argNum);
                    if (!_f.WidthPresent)
                    {
                        Output.Append("%!(BADWIDTH)");
                    }

                    if (_f.Width < 0)
                    {
                        _f.Width = -_f.Width;
                        _f.Minus = true;
                        _f.Zero = false;
                    }

                    afterIndex = false;
                }
                else
                {
                    (_f.Width, _f.WidthPresent, i) = ParseNumber(format, i);
                    if (afterIndex && _f.WidthPresent)
                    {
                        _goodArgNum = false;
                    }
                }

                if (i + 1 < end && format[i] == '.')
                {
                    i++;
                    if (afterIndex)
                    {
                        _goodArgNum = false;
                    }

                    (argNum, i, afterIndex) = ArgNumber(argNum, format, i);
                    if (i < end && format[i] == '*')
                    {
                        i++;
                        (_f.Precision, _f.PrecisionPresent, argNum) = IntFromArg(argNum);
                        if (_f.Precision < 0)
                        {
                            _f.Precision = 0;
                            _f.PrecisionPresent = false;
                        }

                        if (!_f.PrecisionPresent)
                        {
                            Output.Append("%!(BADPREC)");
                        }

                        afterIndex = false;
                    }
                    else
                    {
                        (_f.Precision, _f.PrecisionPresent, i) = ParseNumber(format, i);
                        if (!_f.PrecisionPresent)
                        {
                            _f.Precision = 0;
                            _f.PrecisionPresent = true;
                        }
                    }
                }

                if (!afterIndex)
                {
                    (argNum, i, _) = ArgNumber(argNum, format, i);
                }

                if (i >= end)
                {
                    Output.Append("%!(NOVERB)");
                    break;
                }

                var verb = char.ConvertToUtf32(format, i);
                i += char.IsSurrogatePair(format, i) ? 2 : 1;

                if (verb == '%')
                {
                    Output.Append('%');
                }
                else if (!_goodArgNum)
                {
                    Output.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(BADINDEX)");
                }
                else if (argNum >= args.Count)
                {
                    Output.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(MISSING)");
                }
                else
                {
                    if (verb == 'v')
                    {
                        _f.SharpV = _f.Sharp;
                        _f.Sharp = false;
                        _f.PlusV = _f.Plus;
                        _f.Plus = false;
                    }

                    PrintArg(args[argNum], verb);
                    argNum++;
                }
            }

            if (!_reordered && argNum < args.Count)
            {
                _f = default;
                Output.Append("%!(EXTRA ");
                for (var k = argNum; k < args.Count; k++)
                {
                    if (k > argNum)
                    {
                        Output.Append(", ");
                    }

                    Output.Append(args[k].GoTypeName).Append('=');
                    PrintArg(args[k], 'v');
                }

                Output.Append(')');
            }
        }

        private (int ArgNum, int Index, bool Found) ArgNumber(int argNum, string format, int i)
        {
            if (format.Length <= i || format[i] != '[')
            {
                return (argNum, i, false);
            }

            _reordered = true;
            for (var j = 1; j < format.Length - i; j++)
            {
                if (format[i + j] == ']')
                {
                    var (width, ok, newi) = ParseNumber(format[..(i + j)], i + 1);
                    if (!ok || newi != i + j)
                    {
                        _goodArgNum = false;
                        return (argNum, i + j + 1, false);
                    }

                    var index = width - 1;
                    if (index >= 0 && index < args.Count)
                    {
                        return (index, i + j + 1, true);
                    }

                    _goodArgNum = false;
                    return (argNum, i + j + 1, true);
                }
            }

            _goodArgNum = false;
            return (argNum, i + 1, false);
        }

        private (int Value, bool Present, int ArgNum) IntFromArg(int argNum)
        {
            if (argNum >= args.Count)
            {
                return (0, false, argNum);
            }

            var arg = args[argNum];
            if (arg.Kind == GoFormatArgumentKind.Integer && arg.Integer is >= -1_000_000 and <= 1_000_000)
            {
                return ((int)arg.Integer, true, argNum + 1);
            }

            return (0, false, argNum + 1);
        }

        private static (int Value, bool Present, int Index) ParseNumber(string s, int start)
        {
            var num = 0;
            var present = false;
            var i = start;
            for (; i < s.Length && s[i] is >= '0' and <= '9'; i++)
            {
                if (num > 1_000_000)
                {
                    return (0, false, s.Length);
                }

                num = (num * 10) + (s[i] - '0');
                present = true;
            }

            return (num, present, i);
        }

        private void PrintArg(GoFormatArgument arg, int verb)
        {
            if (verb == 'T')
            {
                FormatString(arg.GoTypeName);
                return;
            }

            switch (arg.Kind)
            {
                case GoFormatArgumentKind.Integer:
                    PrintInteger(arg, verb);
                    break;
                case GoFormatArgumentKind.BigInteger:
                    PrintBigInteger(arg.Big, verb);
                    break;
                case GoFormatArgumentKind.Float:
                    PrintFloat(arg, verb);
                    break;
                default:
                    PrintString(arg, verb);
                    break;
            }
        }

        private void BadVerb(GoFormatArgument arg, int verb)
        {
            Output.Append("%!").Append(char.ConvertFromUtf32(verb)).Append('(').Append(arg.GoTypeName).Append('=');
            _f = default;
            PrintArg(arg, 'v');
            Output.Append(')');
        }

        private void PrintInteger(GoFormatArgument arg, int verb)
        {
            var v = arg.Integer;
            switch (verb)
            {
                case 'v' or 'd':
                    FormatInteger(v, 10, verb, LowerDigits);
                    break;
                case 'b':
                    FormatInteger(v, 2, verb, LowerDigits);
                    break;
                case 'o' or 'O':
                    FormatInteger(v, 8, verb, LowerDigits);
                    break;
                case 'x':
                    FormatInteger(v, 16, verb, LowerDigits);
                    break;
                case 'X':
                    FormatInteger(v, 16, verb, UpperDigits);
                    break;
                case 'c':
                    Pad(RuneText(v));
                    break;
                case 'q':
                    Pad(QuoteRune(v));
                    break;
                case 'U':
                    FormatUnicode(v);
                    break;
                default:
                    BadVerb(arg, verb);
                    break;
            }
        }

        private void FormatInteger(long value, int numberBase, int verb, string digits)
        {
            var negative = value < 0;
            var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            FormatMagnitude(new BigInteger(magnitude), negative, numberBase, verb, digits);
        }

        /// <summary>Go's fmt.fmtInteger, generalised to any magnitude.</summary>
        private void FormatMagnitude(BigInteger magnitude, bool negative, int numberBase, int verb, string digits)
        {
            var precision = 0;
            if (_f.PrecisionPresent)
            {
                precision = _f.Precision;
                if (precision == 0 && magnitude.IsZero)
                {
                    var oldZero = _f.Zero;
                    _f.Zero = false;
                    WritePadding(_f.Width);
                    _f.Zero = oldZero;
                    return;
                }
            }
            else if (_f.Zero && !_f.Minus && _f.WidthPresent)
            {
                precision = _f.Width;
                if (negative || _f.Plus || _f.Space)
                {
                    precision--;
                }
            }

            var text = ToBase(magnitude, numberBase, digits);
            var builder = new StringBuilder();
            if (text.Length < precision)
            {
                builder.Append('0', precision - text.Length);
            }

            builder.Append(text);
            if (_f.Sharp)
            {
                switch (numberBase)
                {
                    case 2:
                        builder.Insert(0, "0b");
                        break;
                    case 8:
                        if (builder[0] != '0')
                        {
                            builder.Insert(0, '0');
                        }

                        break;
                    case 16:
                        builder.Insert(0, digits[16]).Insert(0, '0');
                        break;
                }
            }

            if (verb == 'O')
            {
                builder.Insert(0, "0o");
            }

            if (negative)
            {
                builder.Insert(0, '-');
            }
            else if (_f.Plus)
            {
                builder.Insert(0, '+');
            }
            else if (_f.Space)
            {
                builder.Insert(0, ' ');
            }

            var zero = _f.Zero;
            _f.Zero = false;
            Pad(builder.ToString());
            _f.Zero = zero;
        }

        private static string ToBase(BigInteger magnitude, int numberBase, string digits)
        {
            if (magnitude.IsZero)
            {
                return "0";
            }

            if (numberBase == 10)
            {
                return magnitude.ToString(CultureInfo.InvariantCulture);
            }

            var chars = new List<char>();
            while (!magnitude.IsZero)
            {
                chars.Add(digits[(int)(magnitude % numberBase)]);
                magnitude /= numberBase;
            }

            chars.Reverse();
            return new string([.. chars]);
        }

        private void FormatUnicode(long value)
        {
            var text = "U+" + ((ulong)value).ToString("X4", CultureInfo.InvariantCulture);
            if (_f.Sharp && value is >= 0 and <= 0x10FFFF && IsPrint((int)value))
            {
                text += " '" + RuneText(value) + "'";
            }

            var zero = _f.Zero;
            _f.Zero = false;
            Pad(text);
            _f.Zero = zero;
        }

        private void PrintBigInteger(BigInteger value, int verb)
        {
            int numberBase;
            switch (verb)
            {
                case 'b':
                    numberBase = 2;
                    break;
                case 'o' or 'O':
                    numberBase = 8;
                    break;
                case 'd' or 's' or 'v':
                    numberBase = 10;
                    break;
                case 'x' or 'X':
                    numberBase = 16;
                    break;
                default:
                    Output.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(big.Int=")
                        .Append(value.ToString(CultureInfo.InvariantCulture)).Append(')');
                    return;
            }

            var sign = value.Sign < 0 ? "-" : (_f.Plus || _f.PlusV) ? "+" : _f.Space ? " " : string.Empty;
            var prefix = string.Empty;
            if (_f.Sharp || _f.SharpV)
            {
                prefix = verb switch
                {
                    'b' => "0b",
                    'o' => "0",
                    'x' => "0x",
                    'X' => "0X",
                    _ => string.Empty,
                };
            }

            if (verb == 'O')
            {
                prefix = "0o";
            }

            var digits = ToBase(BigInteger.Abs(value), numberBase, verb == 'X' ? UpperDigits : LowerDigits);
            var zeros = 0;
            if (_f.PrecisionPresent)
            {
                if (digits.Length < _f.Precision)
                {
                    zeros = _f.Precision - digits.Length;
                }
                else if (digits == "0" && _f.Precision == 0)
                {
                    return;
                }
            }

            var length = sign.Length + prefix.Length + zeros + digits.Length;
            int left = 0, right = 0;
            if (_f.WidthPresent && length < _f.Width)
            {
                var d = _f.Width - length;
                if (_f.Minus)
                {
                    right = d;
                }
                else if (_f.Zero && !_f.PrecisionPresent)
                {
                    zeros = d;
                }
                else
                {
                    left = d;
                }
            }

            Output.Append(' ', left).Append(sign).Append(prefix).Append('0', zeros).Append(digits).Append(' ', right);
        }

        private void PrintFloat(GoFormatArgument arg, int verb)
        {
            switch (verb)
            {
                case 'v':
                    FormatFloat(arg.Float, 'g', -1);
                    break;
                case 'g' or 'G':
                    FormatFloat(arg.Float, verb, -1);
                    break;
                case 'f' or 'e' or 'E':
                    FormatFloat(arg.Float, verb, 6);
                    break;
                case 'F':
                    FormatFloat(arg.Float, 'f', 6);
                    break;
                default:
                    BadVerb(arg, verb);
                    break;
            }
        }

        private void FormatFloat(double value, int verb, int precision)
        {
            if (_f.PrecisionPresent)
            {
                precision = _f.Precision;
            }

            var number = GoFloatText.Format(value, (char)verb, precision);
            if (number[0] != '-')
            {
                number = (_f.Space && !_f.Plus ? " " : "+") + number;
            }

            if (_f.Sharp)
            {
                number = ApplySharp(number, verb, precision);
            }

            if (_f.Plus || number[0] == '-')
            {
                if (_f.Zero && !_f.Minus && _f.WidthPresent && _f.Width > number.Length)
                {
                    Output.Append(number[0]);
                    WritePadding(_f.Width - number.Length);
                    Output.Append(number, 1, number.Length - 1);
                    return;
                }

                Pad(number);
                return;
            }

            if (number[0] == ' ')
            {
                Pad(number);
                return;
            }

            Pad(number[1..]);
        }

        /// <summary>The # flag: always print a decimal point; %g keeps trailing zeros.</summary>
        private static string ApplySharp(string number, int verb, int precision)
        {
            var digits = 0;
            if (verb is 'v' or 'g' or 'G')
            {
                digits = precision == -1 ? 6 : precision;
            }

            var exponentAt = number.IndexOfAny(['e', 'E']);
            var tail = exponentAt >= 0 ? number[exponentAt..] : string.Empty;
            var body = exponentAt >= 0 ? number[..exponentAt] : number;
            var sawPoint = false;
            var sawNonzero = false;
            for (var i = 1; i < body.Length; i++)
            {
                switch (body[i])
                {
                    case '.':
                        sawPoint = true;
                        break;
                    case >= '1' and <= '9':
                        sawNonzero = true;
                        digits--;
                        break;
                    case '0':
                        if (sawNonzero)
                        {
                            digits--;
                        }

                        break;
                }
            }

            if (!sawPoint)
            {
                if (body.Length == 2 && body[1] == '0')
                {
                    digits--;
                }

                body += ".";
            }

            if (digits > 0)
            {
                body += new string('0', digits);
            }

            return body + tail;
        }

        private void PrintString(GoFormatArgument arg, int verb)
        {
            switch (verb)
            {
                case 'v':
                    if (_f.SharpV)
                    {
                        FormatQuoted(arg.Text);
                    }
                    else
                    {
                        FormatString(arg.Text);
                    }

                    break;
                case 's':
                    FormatString(arg.Text);
                    break;
                case 'x':
                    FormatHexString(arg.Text, LowerDigits);
                    break;
                case 'X':
                    FormatHexString(arg.Text, UpperDigits);
                    break;
                case 'q':
                    FormatQuoted(arg.Text);
                    break;
                default:
                    BadVerb(arg, verb);
                    break;
            }
        }

        private void FormatString(string value)
        {
            if (_f.PrecisionPresent)
            {
                value = TruncateRunes(value, _f.Precision);
            }

            Pad(value);
        }

        private void FormatHexString(string value, string digits)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            var length = bytes.Length;
            if (_f.PrecisionPresent && _f.Precision < length)
            {
                length = _f.Precision;
            }

            var builder = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                if (_f.Space && i > 0)
                {
                    builder.Append(' ');
                }

                if (_f.Sharp && (_f.Space || i == 0))
                {
                    builder.Append('0').Append(digits[16]);
                }

                builder.Append(digits[bytes[i] >> 4]).Append(digits[bytes[i] & 0xF]);
            }

            Pad(builder.ToString());
        }

        private void FormatQuoted(string value)
        {
            if (_f.PrecisionPresent)
            {
                value = TruncateRunes(value, _f.Precision);
            }

            if (_f.Sharp && CanBackquote(value))
            {
                Pad("`" + value + "`");
                return;
            }

            Pad(GoQuote.Quote(value, asciiOnly: _f.Plus));
        }

        private static bool CanBackquote(string value)
        {
            foreach (var c in value)
            {
                if (c == '`' || c == '\uFEFF' || (c < ' ' && c != '\t') || c == '\x7F')
                {
                    return false;
                }
            }

            return true;
        }

        private static string TruncateRunes(string value, int count)
        {
            var i = 0;
            var runes = 0;
            while (i < value.Length && runes < count)
            {
                i += char.IsSurrogatePair(value, i) ? 2 : 1;
                runes++;
            }

            return value[..i];
        }

        private static string RuneText(long value) =>
            value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32((int)value) : "\uFFFD";

        private static string QuoteRune(long value)
        {
            var rune = value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? (int)value : 0xFFFD;
            return GoQuote.QuoteRune(rune);
        }

        private static bool IsPrint(int rune) => GoQuote.IsPrint(rune);

        private void Pad(string text)
        {
            if (!_f.WidthPresent || _f.Width == 0)
            {
                Output.Append(text);
                return;
            }

            var width = _f.Width - RuneCount(text);
            if (!_f.Minus)
            {
                WritePadding(width);
                Output.Append(text);
            }
            else
            {
                Output.Append(text);
                WritePadding(width);
            }
        }

        private void WritePadding(int count)
        {
            if (count <= 0)
            {
                return;
            }

            Output.Append(_f.Zero && !_f.Minus ? '0' : ' ', count);
        }

        private static int RuneCount(string text)
        {
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    count++;
                }
            }

            return count;
        }
    }

    private struct Flags
    {
        public bool Sharp;
        public bool Zero;
        public bool Plus;
        public bool Minus;
        public bool Space;
        public bool SharpV;
        public bool PlusV;
        public bool WidthPresent;
        public bool PrecisionPresent;
        public int Width;
        public int Precision;
    }
}
