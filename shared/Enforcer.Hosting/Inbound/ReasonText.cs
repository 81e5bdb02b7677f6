using System.Text;

namespace Enforcer.Hosting.Inbound;

/// <summary>
/// Makes a rejection reason safe to answer with: one line, bounded length, and valid UTF-16. Reasons
/// quote parts of the request (a CloudEvent type, an attribute name), and a request can put line
/// breaks, megabytes or half a surrogate pair there; the JSON writer refuses invalid UTF-16, which
/// would turn a 400 into a 500.
/// </summary>
internal static class ReasonText
{
    /// <summary>The longest reason answered; longer text is cut and ends with "...".</summary>
    public const int MaxLength = 300;

    public static string OneLine(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 3));
        var i = 0;
        for (; i < text.Length && builder.Length < MaxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > MaxLength)
                {
                    break;
                }

                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return i < text.Length ? builder.Append("...").ToString() : builder.ToString();
    }

    private static bool IsClean(string text)
    {
        if (text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
