using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enforcer.Core.Text;

namespace Enforcer.Hosting.Auth;

/// <summary>
/// Verifies Google-signed identity tokens (JWT, RS256): the signature against the issuer's published keys, then
/// the issuer, the audience, and the expiry, issue and not-before times (with clock-skew tolerance).
/// Only RS256 is accepted, so "alg": "none" or HMAC tokens cannot pass.
/// </summary>
public sealed class IdentityTokenVerifier(JsonWebKeySource keys, CallerAuthOptions options, TimeProvider timeProvider)
{
    private const int MaxTokenLength = 16 * 1024;

    /// <summary>Checks <paramref name="token"/>; <paramref name="audiences"/> are the audiences acceptable for this request.</summary>
    public async Task<TokenVerification> VerifyAsync(string token, IReadOnlyCollection<string> audiences, CancellationToken cancellationToken)
    {
        var parts = token.Split('.');
        if (token.Length > MaxTokenLength || parts.Length != 3
            || !Base64UrlText.TryDecode(parts[0], out var headerBytes)
            || !Base64UrlText.TryDecode(parts[1], out var payloadBytes)
            || !Base64UrlText.TryDecode(parts[2], out var signature))
        {
            return TokenVerification.Invalid("the bearer token is not a JWT");
        }

        using var header = TryParse(headerBytes);
        using var payload = TryParse(payloadBytes);
        if (header is null || payload is null || header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            return TokenVerification.Invalid("the bearer token is not a JWT");
        }

        if (Text(header.RootElement, "alg") != "RS256" || Text(header.RootElement, "kid") is not { } keyId)
        {
            return TokenVerification.Invalid("the identity token must be signed with RS256 and name its key (kid)");
        }

        var key = await keys.FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return TokenVerification.Invalid("the identity token is signed by an unknown key");
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return TokenVerification.Invalid("the identity token's signature is invalid");
        }

        var claims = payload.RootElement;
        if (Text(claims, "iss") is not { } issuer || !options.Issuers.Contains(issuer, StringComparer.Ordinal))
        {
            return TokenVerification.Invalid("the identity token has an unexpected issuer");
        }

        if (!Audiences(claims).Any(a => audiences.Contains(a, StringComparer.Ordinal)))
        {
            return TokenVerification.Invalid("the identity token was issued for another audience");
        }

        var now = timeProvider.GetUtcNow();
        if (Seconds(claims, "exp") is not { } expires || expires + options.ClockSkew <= now)
        {
            return TokenVerification.Invalid("the identity token has expired");
        }

        if ((Seconds(claims, "iat") is { } issued && issued - options.ClockSkew > now) || (Seconds(claims, "nbf") is { } notBefore && notBefore - options.ClockSkew > now))
        {
            return TokenVerification.Invalid("the identity token is not valid yet");
        }

        if (Text(claims, "sub") is not { Length: > 0 } subject)
        {
            return TokenVerification.Invalid("the identity token has no subject");
        }

        var verified = claims.TryGetProperty("email_verified", out var v) && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.GetString() == "true"));
        return TokenVerification.Valid(new VerifiedCaller(subject, Text(claims, "email"), verified));
    }

    private static JsonDocument? TryParse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static DateTimeOffset? Seconds(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var s) && s is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : null;

    private static IEnumerable<string> Audiences(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList(),
            _ => [],
        };
    }
}
