using Enforcer.Policies;
using Google.Apis.Auth.OAuth2;

namespace Enforcer.Functions.History;

/// <summary>
/// The policy engine /policies lists from, created on first use so that start-up stays fast (the embedded engine
/// compiles the whole library). ENFORCER_POLICY_ENGINE=embedded (default: the bundle built into this image, i.e. the
/// policy library of the same commit; ENFORCER_POLICY_DIR overrides) or opa (OPA_URL; an ID token is sent unless OPA
/// is on loopback, so History's service account needs run.invoker on OPA).
/// </summary>
internal sealed class PolicyEngineProvider
{
    private readonly Lazy<IPolicyEngine> _engine;

    public PolicyEngineProvider(IConfiguration configuration)
    {
        var engine = configuration["ENFORCER_POLICY_ENGINE"] is { Length: > 0 } e ? e.Trim().ToLowerInvariant() : "embedded";
        if (engine is not ("embedded" or "opa"))
        {
            throw new InvalidOperationException($"ENFORCER_POLICY_ENGINE must be embedded or opa, not '{engine}'");
        }

        Uri? opaUrl = null;
        if (engine == "opa" && (configuration["OPA_URL"] is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out opaUrl)))
        {
            throw new InvalidOperationException("ENFORCER_POLICY_ENGINE=opa needs OPA_URL, the OPA service's URL");
        }

        Options = new PolicyEngineOptions
        {
            Engine = engine,
            OpaUrl = opaUrl,
            PolicyDirectory = configuration["ENFORCER_POLICY_DIR"] is { Length: > 0 } dir ? dir : null,
        };
        _engine = new Lazy<IPolicyEngine>(() => PolicyEngineFactory.Create(Options, Options.OpaUrl is { } u ? OpaClient(u) : null, TimeProvider.System));
    }

    public PolicyEngineOptions Options { get; }

    public IPolicyEngine Engine => _engine.Value;

    private static HttpClient OpaClient(Uri opaUrl)
    {
        if (opaUrl.IsLoopback)
        {
            return new HttpClient();
        }

        var audience = opaUrl.GetLeftPart(UriPartial.Authority);
        return new HttpClient(new IdTokenHandler(audience) { InnerHandler = new SocketsHttpHandler() });
    }

    // Cloud Run admits OPA's callers by ID token for its URL.
    private sealed class IdTokenHandler(string audience) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
            var token = await credential.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await token.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
