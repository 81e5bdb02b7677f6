using System.Globalization;
using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// The parts of a URL as Go's net/url.Parse produces them, with its validation (userinfo characters,
/// numeric ports, host escapes only for non-ASCII bytes) and its error texts.
/// </summary>
internal sealed record GoUrl(string Scheme, string Opaque, string Host, string Path, string RawPath, string RawQuery, string Fragment)
{
    private enum Mode
    {
        Path,
        Host,
        Zone,
        UserPassword,
        Fragment,
    }

    /// <summary>The host without the port (brackets of IPv6 literals removed).</summary>
    public string Hostname => SplitHostPort(Host).Host;

    public string Port => SplitHostPort(Host).Port;

    public static GoUrl? Parse(string raw, out string? error)
    {
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = hash < 0 ? raw : raw[..hash];
        var url = ParseWithoutFragment(withoutFragment, out var message);
        if (url is null)
        {
            error = $"parse {GoQuote.Quote(withoutFragment)}: {message}";
            return null;
        }

        if (hash >= 0)
        {
            var fragment = Unescape(raw[(hash + 1)..], Mode.Fragment, out message);
            if (fragment is null)
            {
                error = $"parse {GoQuote.Quote(raw)}: {message}";
                return null;
            }

            url = url with { Fragment = fragment };
        }

        error = null;
        return url;
    }

    private static GoUrl? ParseWithoutFragment(string raw, out string? error)
    {
        error = null;
        if (raw.Any(c => c < 0x20 || c == 0x7F))
        {
            error = "net/url: invalid control character in URL";
            return null;
        }

        if (raw == "*")
        {
            return new GoUrl(string.Empty, string.Empty, string.Empty, "*", string.Empty, string.Empty, string.Empty);
        }

        // Scheme: letters first, then letters, digits, + - . up to ':'.
        var scheme = string.Empty;
        var rest = raw;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    break;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    error = "missing protocol scheme";
                    return null;
                }

                scheme = raw[..i].ToLowerInvariant();
                rest = raw[(i + 1)..];
            }

            break;
        }

        var rawQuery = string.Empty;
        if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
        {
            rest = rest[..^1];
        }
        else
        {
            var q = rest.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                rawQuery = rest[(q + 1)..];
                rest = rest[..q];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (scheme.Length > 0)
            {
                // Rootless paths are opaque (mailto:user@example.com).
                return new GoUrl(scheme, rest, string.Empty, string.Empty, string.Empty, rawQuery, string.Empty);
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if ((slash < 0 ? rest : rest[..slash]).Contains(':', StringComparison.Ordinal))
            {
                error = "first path segment in URL cannot contain colon";
                return null;
            }
        }

        var host = string.Empty;
        if ((scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            rest = string.Empty;
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                rest = authority[slash..];
                authority = authority[..slash];
            }

            var parsedHost = ParseAuthority(authority, out error);
            if (parsedHost is null)
            {
                return null;
            }

            host = parsedHost;
        }

        var path = Unescape(rest, Mode.Path, out error);
        if (path is null)
        {
            return null;
        }

        // RawPath is kept only when the default escaping of Path does not give back the input.
        var rawPath = Escape(path, Mode.Path) == rest ? string.Empty : rest;
        return new GoUrl(scheme, string.Empty, host, path, rawPath, rawQuery, string.Empty);
    }

    private static string? ParseAuthority(string authority, out string? error)
    {
        var at = authority.LastIndexOf('@');
        var host = ParseHost(at < 0 ? authority : authority[(at + 1)..], out error);
        if (host is null || at < 0)
        {
            return host;
        }

        var userinfo = authority[..at];
        foreach (var c in userinfo)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !"-._:~!$&'()*+,;=%@".Contains(c, StringComparison.Ordinal))
            {
                error = "net/url: invalid userinfo";
                return null;
            }
        }

        foreach (var part in userinfo.Split(':', 2))
        {
            if (Unescape(part, Mode.UserPassword, out error) is null)
            {
                return null;
            }
        }

        return host;
    }

    private static string? ParseHost(string host, out string? error)
    {
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                error = "missing ']' in host";
                return null;
            }

            var colonPort = host[(close + 1)..];
            if (!ValidOptionalPort(colonPort))
            {
                error = $"invalid port {GoQuote.Quote(colonPort)} after host";
                return null;
            }

            var zone = host[..close].IndexOf("%25", StringComparison.Ordinal);
            if (zone >= 0)
            {
                var first = Unescape(host[..zone], Mode.Host, out error);
                var second = first is null ? null : Unescape(host[zone..close], Mode.Zone, out error);
                var third = second is null ? null : Unescape(host[close..], Mode.Host, out error);
                return third is null ? null : first + second + third;
            }
        }
        else
        {
            var colon = host.LastIndexOf(':');
            if (colon >= 0 && !ValidOptionalPort(host[colon..]))
            {
                error = $"invalid port {GoQuote.Quote(host[colon..])} after host";
                return null;
            }
        }

        return Unescape(host, Mode.Host, out error);
    }

    private static bool ValidOptionalPort(string port) =>
        port.Length == 0 || (port[0] == ':' && port[1..].All(char.IsAsciiDigit));

    private static (string Host, string Port) SplitHostPort(string hostPort)
    {
        var host = hostPort;
        var port = string.Empty;
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && ValidOptionalPort(host[colon..]))
        {
            port = host[(colon + 1)..];
            host = host[..colon];
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return (host, port);
    }

    private static string? Unescape(string s, Mode mode, out string? error)
    {
        error = null;
        var bytes = Encoding.UTF8.GetBytes(s);
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length;)
        {
            var c = bytes[i];
            if (c == '%')
            {
                if (i + 2 >= bytes.Length || !IsHex(bytes[i + 1]) || !IsHex(bytes[i + 2]))
                {
                    var end = Math.Min(i + 3, bytes.Length);
                    error = "invalid URL escape " + GoQuote.Quote(GoBytes.ToText(bytes.AsSpan(i, end - i)));
                    return null;
                }

                // In a host, escapes may only encode non-ASCII bytes (and %25 for zones).
                if (mode == Mode.Host && Unhex(bytes[i + 1]) < 8 && !(bytes[i + 1] == '2' && bytes[i + 2] == '5'))
                {
                    error = "invalid URL escape " + GoQuote.Quote(GoBytes.ToText(bytes.AsSpan(i, 3)));
                    return null;
                }

                output.Add((byte)((Unhex(bytes[i + 1]) << 4) | Unhex(bytes[i + 2])));
                i += 3;
                continue;
            }

            if (mode is Mode.Host or Mode.Zone && c < 0x80 && ShouldEscape(c, mode))
            {
                error = "invalid character " + GoQuote.Quote(((char)c).ToString()) + " in host name";
                return null;
            }

            output.Add(c);
            i++;
        }

        return GoBytes.ToText(output.ToArray());
    }

    private static string Escape(string s, Mode mode)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (ShouldEscape(b, mode))
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    private static bool ShouldEscape(byte c, Mode mode)
    {
        if (c < 0x80 && char.IsAsciiLetterOrDigit((char)c))
        {
            return false;
        }

        if (mode is Mode.Host or Mode.Zone && "!$&'()*+,;=:[]<>\"".Contains((char)c, StringComparison.Ordinal))
        {
            return false;
        }

        switch ((char)c)
        {
            case '-' or '_' or '.' or '~':
                return false;
            case '$' or '&' or '+' or ',' or '/' or ':' or ';' or '=' or '?' or '@':
                return mode switch
                {
                    Mode.UserPassword => c is (byte)'@' or (byte)'/' or (byte)'?' or (byte)':',
                    Mode.Fragment => false,
                    Mode.Path => c == '?',
                    _ => true,
                };
        }

        if (mode == Mode.Fragment && c is (byte)'!' or (byte)'(' or (byte)')' or (byte)'*')
        {
            return false;
        }

        return true;
    }

    private static bool IsHex(byte c) => c is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Unhex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
