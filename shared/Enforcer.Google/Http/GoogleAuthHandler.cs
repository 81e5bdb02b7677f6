using System.Net.Http.Headers;
using Google.Apis.Auth.OAuth2;

namespace Enforcer.Google.Http;

/// <summary>
/// Adds an OAuth bearer token from Google credentials to every request. Reusable by any HttpClient
/// that calls Google APIs (resource reads, remediation steps, Firestore, Pub/Sub).
/// </summary>
public sealed class GoogleAuthHandler : DelegatingHandler
{
    private readonly ITokenAccess _credential;

    /// <summary>Uses the given credential (a scoped <see cref="GoogleCredential"/> in production).</summary>
    public GoogleAuthHandler(ITokenAccess credential) => _credential = credential;

    /// <summary>Chains onto an inner handler, for callers that build the pipeline by hand.</summary>
    public GoogleAuthHandler(ITokenAccess credential, HttpMessageHandler innerHandler)
        : base(innerHandler) => _credential = credential;

    /// <summary>Application Default Credentials scoped as requested (cloud-platform when none are given).</summary>
    public static async Task<GoogleAuthHandler> CreateDefaultAsync(IEnumerable<string>? scopes = null, CancellationToken cancellationToken = default)
    {
        var credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
        var scopeList = scopes?.ToArray() is { Length: > 0 } given ? given : [GoogleScopes.CloudPlatform];
        return new GoogleAuthHandler(credential.CreateScoped(scopeList));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The credential caches and refreshes tokens itself; this call is cheap while a token is valid.
        var token = await _credential.GetAccessTokenForRequestAsync(request.RequestUri?.ToString(), cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
