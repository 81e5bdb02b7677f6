using System.Net.Http.Headers;
using Google.Apis.Auth.OAuth2;

namespace Enforcer.Google.Http;

/// <summary>
/// Adds a Google-signed ID token for one audience to every request: how a Cloud Run service calls another Cloud Run
/// service that allows no unauthenticated invokers (Evaluate and Remediate calling OPA).
/// </summary>
public sealed class IdTokenHandler : DelegatingHandler
{
    private readonly OidcToken _token;

    public IdTokenHandler(OidcToken token, HttpMessageHandler innerHandler)
        : base(innerHandler) => _token = token;

    /// <summary>An ID token source for <paramref name="audience"/> from Application Default Credentials (the metadata server on Cloud Run).</summary>
    public static async Task<IdTokenHandler> CreateDefaultAsync(string audience, HttpMessageHandler innerHandler, CancellationToken cancellationToken = default)
    {
        var credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
        var token = await credential.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), cancellationToken).ConfigureAwait(false);
        return new IdTokenHandler(token, innerHandler);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // OidcToken caches the token and refreshes it before expiry.
        var token = await _token.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
