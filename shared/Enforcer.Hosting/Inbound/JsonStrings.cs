using System.Text.Json;

namespace Enforcer.Hosting.Inbound;

/// <summary>
/// Reading JSON strings that may not be text. The parser accepts an escaped lone surrogate such as
/// <c>"\ud800"</c>, but turning it into a .NET string throws, so a delivery carrying one must be
/// refused before any code calls <see cref="JsonElement.GetString"/> on it.
/// </summary>
internal static class JsonStrings
{
    /// <summary>The string value, or false when the element is not a string or does not decode.</summary>
    public static bool TryGet(JsonElement element, out string value)
    {
        value = string.Empty;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when some string or property name under <paramref name="root"/> does not decode. The raw
    /// UTF-8 the element was parsed from is scanned first: without a <c>\uD8..</c>-<c>\uDF..</c> escape
    /// in it every string decodes, so the walk is skipped for ordinary payloads.
    /// </summary>
    public static bool HasUndecodable(JsonElement root, ReadOnlySpan<byte> rawUtf8)
    {
        return MayHaveSurrogateEscape(rawUtf8) && !AllDecode(root);
    }

    private static bool MayHaveSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        var rest = raw;
        int at;
        while ((at = rest.IndexOf((byte)'\\')) >= 0 && at + 2 < rest.Length)
        {
            if (rest[at + 1] == (byte)'u' && rest[at + 2] is (byte)'d' or (byte)'D')
            {
                return true;
            }

            rest = rest[(at + 1)..];
        }

        return false;
    }

    private static bool AllDecode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGet(element, out _);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!AllDecode(item))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    try
                    {
                        _ = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return false;
                    }

                    if (!AllDecode(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
