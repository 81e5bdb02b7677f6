using System.Security.Cryptography;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Digests and HMACs of a string's UTF-8 bytes, as lowercase hex; constant-time MAC comparison.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterCrypto(BuiltinTableBuilder builtins)
    {
        // MD5 and SHA-1 are part of OPA's language surface; they are not used for security here.
#pragma warning disable CA5350, CA5351
        builtins.Add("crypto.md5", 1, static (c, a) => EncodingMap(c, a, static s => Convert.ToHexStringLower(MD5.HashData(GoBytes.FromText(s)))), ["string"], "string");
        builtins.Add("crypto.sha1", 1, static (c, a) => EncodingMap(c, a, static s => Convert.ToHexStringLower(SHA1.HashData(GoBytes.FromText(s)))), ["string"], "string");
        builtins.Add("crypto.sha256", 1, static (c, a) => EncodingMap(c, a, static s => Convert.ToHexStringLower(SHA256.HashData(GoBytes.FromText(s)))), ["string"], "string");
        builtins.Add("crypto.hmac.md5", 2, static (c, a) => CryptoHmac(c, a, HMACMD5.HashData), ["string", "string"], "string");
        builtins.Add("crypto.hmac.sha1", 2, static (c, a) => CryptoHmac(c, a, HMACSHA1.HashData), ["string", "string"], "string");
#pragma warning restore CA5350, CA5351
        builtins.Add("crypto.hmac.sha256", 2, static (c, a) => CryptoHmac(c, a, HMACSHA256.HashData), ["string", "string"], "string");
        builtins.Add("crypto.hmac.sha512", 2, static (c, a) => CryptoHmac(c, a, HMACSHA512.HashData), ["string", "string"], "string");
        builtins.Add("crypto.hmac.equal", 2, CryptoHmacEqual, ["string", "string"], "boolean");
    }

    private static BuiltinResult CryptoHmac(BuiltinContext context, ReadOnlySpan<Value> args, Func<byte[], byte[], byte[]> mac)
    {
        if (!OperandString(context, args[0], 1, out var message, out var error) ||
            !OperandString(context, args[1], 2, out var key, out error))
        {
            return error;
        }

        return new StringValue(Convert.ToHexStringLower(mac(GoBytes.FromText(key), GoBytes.FromText(message))));
    }

    private static BuiltinResult CryptoHmacEqual(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var a, out var error) ||
            !OperandString(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        return Value.From(CryptographicOperations.FixedTimeEquals(GoBytes.FromText(a), GoBytes.FromText(b)));
    }
}
