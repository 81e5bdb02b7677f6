using System.Buffers.Text;

namespace Enforcer.Core.Text;

/// <summary>
/// Unpadded base64url as page tokens and JSON Web Tokens use it, over the framework's <see cref="Base64Url"/>;
/// decoding is strict: only the base64url alphabet, no padding, no whitespace.
/// </summary>
public static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }
}
