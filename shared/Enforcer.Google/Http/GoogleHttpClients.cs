namespace Enforcer.Google.Http;

/// <summary>Builds HttpClients for Google APIs: plain HTTP for emulators, ADC bearer tokens otherwise.</summary>
public static class GoogleHttpClients
{
    /// <summary>An HttpClient with no credentials, for an emulator at <paramref name="baseAddress"/>.</summary>
    public static HttpClient ForEmulator(Uri baseAddress) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>An HttpClient that authenticates with Application Default Credentials.</summary>
    public static async Task<HttpClient> WithApplicationDefaultCredentialsAsync(
        Uri baseAddress, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        var handler = await GoogleAuthHandler.CreateDefaultAsync(scopes, cancellationToken).ConfigureAwait(false);
        handler.InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
