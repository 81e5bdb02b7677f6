using System.Security.Cryptography;
using System.Text.Json;
using Enforcer.Core.Text;

namespace Enforcer.Hosting.Auth;

/// <summary>
/// The RSA signing keys of a JSON Web Key Set URL, cached for as long as the response's Cache-Control max-age says
/// (bounded to 1 minute .. 1 day; 1 hour without one). An unknown key id triggers a refresh, at most once a minute,
/// so rotated keys are picked up without letting forged key ids make us fetch on every request.
/// </summary>
public sealed class JsonWebKeySource(HttpClient http, Uri url, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private DateTimeOffset _expires = DateTimeOffset.MinValue;
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;

    /// <summary>The key with this id, or null when the set does not have it (or cannot be fetched).</summary>
    public async Task<RSA?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < _expires && _keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            now = timeProvider.GetUtcNow();
            var stale = now >= _expires;
            if (stale || (!_keys.ContainsKey(keyId) && now - _fetched >= MinRefreshInterval))
            {
                await FetchAsync(now, cancellationToken).ConfigureAwait(false);
            }

            return _keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose()
    {
        _refresh.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private async Task FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _fetched = now;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            var maxAge = response.Headers.CacheControl?.MaxAge ?? TimeSpan.FromHours(1);
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            var keys = Read(document.RootElement);
            var old = _keys;
            _keys = keys;
            _expires = now + TimeSpan.FromTicks(Math.Clamp(maxAge.Ticks, TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromDays(1).Ticks));
            foreach (var key in old.Values)
            {
                // Requests that already hold an old key finish with it; RSA objects are only used synchronously.
                key.Dispose();
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Keep the keys we had; a token signed by an unknown key is then refused.
        }
    }

    private static Dictionary<string, RSA> Read(JsonElement root)
    {
        var keys = new Dictionary<string, RSA>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var jwk in array.EnumerateArray())
        {
            if (jwk.ValueKind == JsonValueKind.Object
                && Text(jwk, "kty") == "RSA"
                && Text(jwk, "kid") is { } kid
                && Text(jwk, "alg") is null or "RS256"
                && Text(jwk, "use") is null or "sig"
                && Bytes(jwk, "n") is { } modulus
                && Bytes(jwk, "e") is { } exponent)
            {
                var rsa = RSA.Create();
                rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponent });
                keys[kid] = rsa;
            }
        }

        return keys;
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static byte[]? Bytes(JsonElement o, string name) =>
        Text(o, name) is { } text && Base64UrlText.TryDecode(text, out var bytes) ? bytes : null;
}
