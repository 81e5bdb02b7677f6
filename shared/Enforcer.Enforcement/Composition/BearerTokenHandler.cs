using System.Net.Http.Headers;

namespace Enforcer.Enforcement.Composition;

/// <summary>
/// Adds a bearer token from a source that is connected on first use, so a function starts without credentials
/// (local runs, health checks) and a missing credential becomes a clear, retryable request failure instead of a
/// crash at start-up.
/// </summary>
internal sealed class BearerTokenHandler(string what, Func<CancellationToken, Task<Func<CancellationToken, Task<string>>>> connect) : DelegatingHandler(
    new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Func<CancellationToken, Task<string>>? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await TokenSourceAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Func<CancellationToken, Task<string>>> TokenSourceAsync(CancellationToken cancellationToken)
    {
        if (_token is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _token ??= await connect(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new HttpRequestException($"{what}: Application Default Credentials are not available ({ex.Message}). On Cloud Run this is the service's identity; locally run `gcloud auth application-default login` or point ENFORCER_GOOGLE_API_ROOT at a stand-in.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
