using System.Globalization;
using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>Go's strconv.Quote / QuoteRune / IsPrint, as used by %q.</summary>
internal static class GoQuote
{
    public static string Quote(string value, bool asciiOnly = false)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length;)
        {
            int rune;
            if (char.IsSurrogatePair(value, i))
            {
                rune = char.ConvertToUtf32(value, i);
                i += 2;
            }
            else
            {
                rune = char.IsSurrogate(value[i]) ? 0xFFFD : value[i];
                i++;
            }

            AppendEscapedRune(builder, rune, '"', asciiOnly);
        }

        builder.Append('"');
        return builder.ToString();
    }

    public static string QuoteRune(int rune)
    {
        var builder = new StringBuilder();
        builder.Append('\'');
        AppendEscapedRune(builder, rune, '\'', asciiOnly: false);
        builder.Append('\'');
        return builder.ToString();
    }

    private static void AppendEscapedRune(StringBuilder builder, int rune, char quote, bool asciiOnly)
    {
        if (rune == quote || rune == '\\')
        {
            builder.Append('\\').Append((char)rune);
            return;
        }

        if (asciiOnly ? rune < 0x80 && IsPrint(rune) : IsPrint(rune))
        {
            builder.Append(char.ConvertFromUtf32(rune));
            return;
        }

        switch (rune)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (rune < ' ' || rune == 0x7F)
        {
            builder.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (rune < 0x10000)
        {
            builder.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Letters, marks, numbers, punctuation, symbols and the ASCII space, as Go's unicode.IsPrint.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune == ' ')
        {
            return true;
        }

        if (rune is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            return false;
        }

        var category = rune < 0x10000
            ? CharUnicodeInfo.GetUnicodeCategory((char)rune)
            : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
