using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enforcer.Core.Text;

namespace Enforcer.Core.History;

/// <summary>
/// Issues and checks the opaque page tokens of every History listing. A token is base64url(JSON payload) "."
/// base64url(HMAC-SHA256(key, payload)); the payload names the listing and a fingerprint of its normalized filters,
/// so a token that was edited (or signed with another key) is refused, and so is one replayed against another
/// listing or other filters. Page size is not part of the fingerprint: it may change from page to page.
/// </summary>
public sealed class PageTokenCodec
{
    /// <summary>The shortest key accepted, in bytes (HMAC-SHA256's block is 64; 32 random bytes is ample).</summary>
    public const int MinimumKeyBytes = 32;

    private const int MaxTokenLength = 4096;
    private readonly byte[] _key;

    public PageTokenCodec(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"a page token key needs at least {MinimumKeyBytes} bytes", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>True when the key came from configuration; false for a random per-process key.</summary>
    public bool IsConfigured { get; private init; } = true;

    /// <summary>A codec with a random key: its tokens are valid only in this process.</summary>
    public static PageTokenCodec WithRandomKey() => new(RandomNumberGenerator.GetBytes(MinimumKeyBytes)) { IsConfigured = false };

    /// <summary>The codec for a configured key (text of at least 32 bytes, used as UTF-8), or a random one when absent.</summary>
    public static (PageTokenCodec? Codec, string? Error) FromConfiguration(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (WithRandomKey(), null);
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        return bytes.Length < MinimumKeyBytes
            ? (null, $"ENFORCER_PAGE_TOKEN_KEY must be at least {MinimumKeyBytes} bytes long (e.g. openssl rand -base64 48)")
            : (new PageTokenCodec(bytes), null);
    }

    /// <summary>A fingerprint of a listing's normalized filters (name=value pairs, order-independent).</summary>
    public static string Fingerprint(IEnumerable<KeyValuePair<string, string?>> filters)
    {
        var canonical = string.Join('\n', filters
            .Where(f => f.Value is not null)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value));
        return Base64UrlText.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 16));
    }

    public string Encode(string listing, string fingerprint, IReadOnlyList<PageTokenPosition> positions)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new PageTokenPayload(listing, fingerprint, positions), HistoryJsonContext.Default.PageTokenPayload);
        return Base64UrlText.Encode(payload) + "." + Base64UrlText.Encode(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The positions of a token issued by this codec for the same listing and filters; otherwise a reason for a 400.</summary>
    public (IReadOnlyList<PageTokenPosition>? Positions, string? Error) Decode(string token, string listing, string fingerprint, int sources)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenLength || dot <= 0 || !Base64UrlText.TryDecode(token[..dot], out var payload) || !Base64UrlText.TryDecode(token[(dot + 1)..], out var mac))
        {
            return (null, "page_token is malformed");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return (null, "page_token is not valid here: it was altered, or issued by another instance or key (see docs/api.md, page tokens)");
        }

        PageTokenPayload? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize(payload, HistoryJsonContext.Default.PageTokenPayload);
        }
        catch (JsonException)
        {
            return (null, "page_token is malformed");
        }

        if (decoded is null || decoded.P is null)
        {
            return (null, "page_token is malformed");
        }

        if (decoded.Q != listing || decoded.F != fingerprint)
        {
            return (null, "page_token was issued for a different query");
        }

        // Signed by this key, so written by this code; the shape check guards against a key shared with other software.
        return decoded.P.Count != sources || decoded.P.Any(p => p is null || p.T < 0 || (p.I is null && p.T != 0))
            ? (null, "page_token is malformed")
            : (decoded.P, null);
    }
}
