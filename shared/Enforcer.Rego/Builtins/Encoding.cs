using System.Globalization;
using System.Text;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>base64, base64url, hex and URL query encodings, with Go's strictness and error texts.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterEncoding(BuiltinTableBuilder builtins)
    {
        builtins.Add("base64.encode", 1, static (c, a) => EncodingMap(c, a, static s => Convert.ToBase64String(GoBytes.FromText(s))), ["string"], "string");
        builtins.Add("base64.decode", 1, static (c, a) => EncodingDecode(c, a, static s => EncodingBase64Decode(s, urlSafe: false)), ["string"], "string");
        builtins.Add("base64.is_valid", 1, static (_, a) => Value.From(a[0] is StringValue s && EncodingBase64Decode(s.Value, urlSafe: false).Bytes is not null), ["any"], "boolean");
        builtins.Add("base64url.encode", 1, static (c, a) => EncodingMap(c, a, static s => EncodingToUrl(Convert.ToBase64String(GoBytes.FromText(s)))), ["string"], "string");
        builtins.Add("base64url.encode_no_pad", 1, static (c, a) => EncodingMap(c, a, static s => EncodingToUrl(Convert.ToBase64String(GoBytes.FromText(s))).TrimEnd('=')), ["string"], "string");
        builtins.Add("base64url.decode", 1, static (c, a) => EncodingDecode(c, a, EncodingBase64UrlDecode), ["string"], "string");
        builtins.Add("hex.encode", 1, static (c, a) => EncodingMap(c, a, static s => Convert.ToHexStringLower(GoBytes.FromText(s))), ["string"], "string");
        builtins.Add("hex.decode", 1, static (c, a) => EncodingDecode(c, a, EncodingHexDecode), ["string"], "string");
        builtins.Add("urlquery.encode", 1, static (c, a) => EncodingMap(c, a, EncodingQueryEscape), ["string"], "string");
        builtins.Add("urlquery.decode", 1, EncodingQueryDecode, ["string"], "string");
        builtins.Add("urlquery.encode_object", 1, EncodingQueryEncodeObject, ["object"], "string");
        builtins.Add("urlquery.decode_object", 1, EncodingQueryDecodeObject, ["string"], "object");
    }

    private static BuiltinResult EncodingMap(BuiltinContext context, ReadOnlySpan<Value> args, Func<string, string> map) =>
        OperandString(context, args[0], 1, out var s, out var error) ? new StringValue(map(s)) : error;

    private static BuiltinResult EncodingDecode(BuiltinContext context, ReadOnlySpan<Value> args, Func<string, (byte[]? Bytes, string? Error)> decode)
    {
        if (!OperandString(context, args[0], 1, out var s, out var error))
        {
            return error;
        }

        var (bytes, message) = decode(s);
        return bytes is null ? BuiltinResult.Fail(context, message!) : new StringValue(GoBytes.ToText(bytes));
    }

    private static string EncodingToUrl(string base64) => base64.Replace('+', '-').Replace('/', '_');

    /// <summary>Go's base64 StdEncoding/URLEncoding.DecodeString: padding required, CR and LF ignored.</summary>
    private static (byte[]? Bytes, string? Error) EncodingBase64Decode(string text, bool urlSafe)
    {
        var alphabet = urlSafe
            ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var input = GoBytes.FromText(text);
        var output = new List<byte>(input.Length * 3 / 4);
        var quantum = new int[4];
        var count = 0;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c is (byte)'\r' or (byte)'\n')
            {
                i++;
                continue;
            }

            if (c == '=')
            {
                // Padding is only legal as the last one or two characters of a quantum.
                if (count < 2)
                {
                    return (null, $"illegal base64 data at input byte {i}");
                }

                var needed = 4 - count;
                var j = i;
                while (needed > 0)
                {
                    while (j < input.Length && input[j] is (byte)'\r' or (byte)'\n')
                    {
                        j++;
                    }

                    if (j >= input.Length)
                    {
                        return (null, $"illegal base64 data at input byte {input.Length}");
                    }

                    if (input[j] != '=')
                    {
                        return (null, $"illegal base64 data at input byte {j}");
                    }

                    j++;
                    needed--;
                }

                while (j < input.Length && input[j] is (byte)'\r' or (byte)'\n')
                {
                    j++;
                }

                if (j < input.Length)
                {
                    return (null, $"illegal base64 data at input byte {j}");
                }

                EncodingFlushQuantum(output, quantum, count);
                return (output.ToArray(), null);
            }

            var index = alphabet.IndexOf((char)c, StringComparison.Ordinal);
            if (index < 0 || c >= 0x80)
            {
                return (null, $"illegal base64 data at input byte {i}");
            }

            quantum[count++] = index;
            if (count == 4)
            {
                EncodingFlushQuantum(output, quantum, 4);
                count = 0;
            }

            i++;
        }

        if (count != 0)
        {
            return (null, $"illegal base64 data at input byte {input.Length}");
        }

        return (output.ToArray(), null);
    }

    private static void EncodingFlushQuantum(List<byte> output, int[] q, int count)
    {
        var bits = (q[0] << 18) | (q[1] << 12) | (count > 2 ? q[2] << 6 : 0) | (count > 3 ? q[3] : 0);
        output.Add((byte)(bits >> 16));
        if (count > 2)
        {
            output.Add((byte)(bits >> 8));
        }

        if (count > 3)
        {
            output.Add((byte)bits);
        }
    }

    private static (byte[]? Bytes, string? Error) EncodingBase64UrlDecode(string text)
    {
        // Unpadded input is padded first (RFC 7515 appendix C), as OPA does.
        if (!text.EndsWith('='))
        {
            switch (GoBytes.FromText(text).Length % 4)
            {
                case 0:
                    break;
                case 2:
                    text += "==";
                    break;
                case 3:
                    text += "=";
                    break;
                default:
                    return (null, $"illegal base64url string: {text}");
            }
        }

        return EncodingBase64Decode(text, urlSafe: true);
    }

    private static (byte[]? Bytes, string? Error) EncodingHexDecode(string text)
    {
        var input = GoBytes.FromText(text);
        var output = new byte[input.Length / 2];
        int j;
        for (j = 1; j < input.Length; j += 2)
        {
            var a = EncodingHexDigit(input[j - 1]);
            var b = EncodingHexDigit(input[j]);
            if (a < 0)
            {
                return (null, EncodingInvalidHexByte(input[j - 1]));
            }

            if (b < 0)
            {
                return (null, EncodingInvalidHexByte(input[j]));
            }

            output[j / 2] = (byte)((a << 4) | b);
        }

        if (input.Length % 2 == 1)
        {
            return EncodingHexDigit(input[j - 1]) < 0
                ? (null, EncodingInvalidHexByte(input[j - 1]))
                : (null, "encoding/hex: odd length hex string");
        }

        return (output, null);
    }

    private static int EncodingHexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Go's InvalidByteError text, formatted with %#U.</summary>
    private static string EncodingInvalidHexByte(byte c)
    {
        var text = $"encoding/hex: invalid byte: U+{c:X4}";
        return GoQuote.IsPrint(c) ? text + " '" + (char)c + "'" : text;
    }

    /// <summary>Go's url.QueryEscape: unreserved bytes stay, space becomes '+', the rest %XX.</summary>
    private static string EncodingQueryEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in GoBytes.FromText(text))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else if (b == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Go's url.QueryUnescape; the error names the bad escape as Go does.</summary>
    private static (string? Text, string? Error) EncodingQueryUnescape(string text)
    {
        var input = GoBytes.FromText(text);
        var output = new List<byte>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c == '%')
            {
                if (i + 2 >= input.Length || EncodingHexDigit(input[i + 1]) < 0 || EncodingHexDigit(input[i + 2]) < 0)
                {
                    var end = Math.Min(i + 3, input.Length);
                    return (null, $"invalid URL escape {GoQuote.Quote(GoBytes.ToText(input.AsSpan(i, end - i)))}");
                }

                output.Add((byte)((EncodingHexDigit(input[i + 1]) << 4) | EncodingHexDigit(input[i + 2])));
                i += 2;
            }
            else
            {
                output.Add(c == '+' ? (byte)' ' : c);
            }
        }

        return (GoBytes.ToText(output.ToArray()), null);
    }

    private static BuiltinResult EncodingQueryDecode(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var s, out var error))
        {
            return error;
        }

        var (text, message) = EncodingQueryUnescape(s);
        return text is null ? BuiltinResult.Fail(context, message!) : new StringValue(text);
    }

    private static BuiltinResult EncodingQueryEncodeObject(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var obj, out var error))
        {
            return error;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var (key, value) in obj)
        {
            var name = key is StringValue ks ? ks.Value : key.ToString();
            switch (value)
            {
                case StringValue s:
                    pairs.Add((name, s.Value));
                    break;
                case ArrayValue or SetValue:
                    foreach (var item in OperandItems(value))
                    {
                        if (item is not StringValue si)
                        {
                            return OperandError(context, 1, "values must be string, array[string], or set[string]");
                        }

                        pairs.Add((name, si.Value));
                    }

                    break;
                default:
                    return OperandError(context, 1, "values must be string, array[string], or set[string]");
            }
        }

        // url.Values.Encode sorts by key and keeps each key's values in order.
        var ordered = pairs.Select((p, i) => (p, i)).OrderBy(x => x.p.Key, StringComparer.Ordinal).ThenBy(x => x.i);
        return new StringValue(string.Join('&', ordered.Select(x => EncodingQueryEscape(x.p.Key) + "=" + EncodingQueryEscape(x.p.Value))));
    }

    private static BuiltinResult EncodingQueryDecodeObject(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var query, out var error))
        {
            return error;
        }

        var result = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        var order = new List<string>();
        string? firstError = null;
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (part.Contains(';', StringComparison.Ordinal))
            {
                firstError ??= "invalid semicolon separator in query";
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var (key, keyError) = EncodingQueryUnescape(eq < 0 ? part : part[..eq]);
            if (key is null)
            {
                firstError ??= keyError;
                continue;
            }

            var (value, valueError) = EncodingQueryUnescape(eq < 0 ? string.Empty : part[(eq + 1)..]);
            if (value is null)
            {
                firstError ??= valueError;
                continue;
            }

            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
                order.Add(key);
            }

            list.Add(new StringValue(value));
        }

        if (firstError is not null)
        {
            return BuiltinResult.Fail(context, firstError);
        }

        return ObjectValue.FromStrings(order.Select(k => new KeyValuePair<string, Value>(k, new ArrayValue([.. result[k]]))));
    }
}
