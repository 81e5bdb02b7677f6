using System.Globalization;
using System.Numerics;
using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>Go's net address parsing and printing (strict dotted quads, RFC 5952 IPv6 text).</summary>
internal static class GoNet
{
    private static readonly byte[] V4InV6Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF];

    /// <summary>net.ParseIP: a 16-byte address (IPv4 as IPv4-mapped IPv6) or null.</summary>
    public static byte[]? ParseIP(string text)
    {
        var v4 = ParseIPv4(text);
        if (v4 is not null)
        {
            return [.. V4InV6Prefix, .. v4];
        }

        return ParseIPv6(text);
    }

    /// <summary>net.ParseCIDR: the network, or null with Go's error text.</summary>
    public static GoIPNet? ParseCIDR(string text, out string? error)
    {
        error = $"invalid CIDR address: {text}";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var address = text[..slash];
        var prefix = text[(slash + 1)..];
        var v4 = ParseIPv4(address);
        var ip = v4 ?? ParseIPv6(address);
        if (ip is null)
        {
            return null;
        }

        var bits = v4 is null ? 128 : 32;
        if (prefix.Length == 0 || prefix.Length > 8 || !prefix.All(char.IsAsciiDigit))
        {
            return null;
        }

        var length = int.Parse(prefix, NumberStyles.None, CultureInfo.InvariantCulture);
        if (length > bits)
        {
            return null;
        }

        var mask = CidrMask(length, bits);
        error = null;
        return new GoIPNet(ApplyMask(ip, mask), mask);
    }

    public static byte[] CidrMask(int ones, int bits)
    {
        var mask = new byte[bits / 8];
        for (var i = 0; i < mask.Length; i++)
        {
            var n = Math.Clamp(ones - (i * 8), 0, 8);
            mask[i] = (byte)(0xFF << (8 - n));
        }

        return mask;
    }

    /// <summary>Go's IP.Mask, including its IPv4/IPv6 length reconciliation.</summary>
    public static byte[] ApplyMask(byte[] ip, byte[] mask)
    {
        if (mask.Length == 16 && ip.Length == 4 && mask.Take(12).All(b => b == 0xFF))
        {
            mask = mask[12..];
        }

        if (mask.Length == 4 && ip.Length == 16 && ip.AsSpan(0, 12).SequenceEqual(V4InV6Prefix))
        {
            ip = ip[12..];
        }

        var result = new byte[ip.Length];
        for (var i = 0; i < ip.Length && i < mask.Length; i++)
        {
            result[i] = (byte)(ip[i] & mask[i]);
        }

        return result;
    }

    /// <summary>IP.To4: the 4-byte form of an IPv4 or IPv4-mapped address, else null.</summary>
    public static byte[]? To4(byte[] ip) => ip.Length switch
    {
        4 => ip,
        16 when ip.AsSpan(0, 12).SequenceEqual(V4InV6Prefix) => ip[12..],
        _ => null,
    };

    public static BigInteger ToInteger(byte[] ip) => new(ip, isUnsigned: true, isBigEndian: true);

    public static byte[] FromInteger(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[length];
        Array.Copy(bytes, 0, result, length - bytes.Length, bytes.Length);
        return result;
    }

    /// <summary>IP.String: dotted quad for IPv4 (and IPv4-mapped), RFC 5952 otherwise.</summary>
    public static string Format(byte[] ip)
    {
        var v4 = To4(ip);
        if (v4 is not null)
        {
            return string.Join('.', v4.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        }

        // Longest run of two or more zero groups becomes "::" (the first such run on ties).
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 16; i += 2)
        {
            var j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0)
            {
                j += 2;
            }

            if (j - i > bestLength && j - i >= 4)
            {
                bestStart = i;
                bestLength = j - i;
            }
        }

        var builder = new StringBuilder();
        for (var i = 0; i < 16; i += 2)
        {
            if (i == bestStart)
            {
                builder.Append("::");
                i += bestLength - 2;
                continue;
            }

            if (builder.Length > 0 && builder[^1] != ':')
            {
                builder.Append(':');
            }

            builder.Append(((ip[i] << 8) | ip[i + 1]).ToString("x", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Four decimal fields 0-255 without leading zeros.</summary>
    private static byte[]? ParseIPv4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var result = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return null;
            }

            var value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return null;
            }

            result[i] = (byte)value;
        }

        return result;
    }

    private static byte[]? ParseIPv6(string s)
    {
        var ip = new byte[16];
        var ellipsis = -1;
        if (s.StartsWith("::", StringComparison.Ordinal))
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0)
            {
                return ip;
            }
        }

        var i = 0;
        while (i < 16)
        {
            var digits = 0;
            var n = 0;
            while (digits < s.Length && char.IsAsciiHexDigit(s[digits]))
            {
                n = (n * 16) + Convert.ToInt32(s[digits].ToString(), 16);
                digits++;
                if (n > 0xFFFF)
                {
                    return null;
                }
            }

            if (digits == 0)
            {
                return null;
            }

            if (digits < s.Length && s[digits] == '.')
            {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                {
                    return null;
                }

                var v4 = ParseIPv4(s);
                if (v4 is null)
                {
                    return null;
                }

                v4.CopyTo(ip, i);
                i += 4;
                s = string.Empty;
                break;
            }

            ip[i] = (byte)(n >> 8);
            ip[i + 1] = (byte)n;
            i += 2;
            s = s[digits..];
            if (s.Length == 0)
            {
                break;
            }

            if (s[0] != ':' || s.Length == 1)
            {
                return null;
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return null;
                }

                ellipsis = i;
                s = s[1..];
                if (s.Length == 0)
                {
                    break;
                }
            }
        }

        if (s.Length != 0)
        {
            return null;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return null;
            }

            var n = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + n] = ip[j];
            }

            for (var j = ellipsis + n - 1; j >= ellipsis; j--)
            {
                ip[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            return null;
        }

        return ip;
    }
}
