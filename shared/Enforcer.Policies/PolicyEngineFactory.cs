using Enforcer.Policies.Embedded;
using Enforcer.Policies.Opa;

namespace Enforcer.Policies;

/// <summary>Builds the configured <see cref="IPolicyEngine"/>.</summary>
public static class PolicyEngineFactory
{
    /// <summary>
    /// <c>opa</c> needs <see cref="PolicyEngineOptions.OpaUrl"/> and an <see cref="HttpClient"/>; <c>embedded</c> compiles
    /// the policy directory (or the embedded bundle) once. Misconfiguration throws at startup, not per request.
    /// </summary>
    public static IPolicyEngine Create(PolicyEngineOptions options, HttpClient? http, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Engine.ToUpperInvariant())
        {
            case "OPA":
                if (options.OpaUrl is null || http is null)
                {
                    throw new InvalidOperationException("The opa policy engine needs Policy:OpaUrl and an HttpClient.");
                }

                return new OpaPolicyEngine(http, new OpaEngineOptions
                {
                    BaseAddress = options.OpaUrl,
                    Timeout = options.OpaTimeout,
                    MaxAttempts = options.OpaMaxAttempts,
                }, timeProvider);
            case "EMBEDDED":
                var bundle = options.PolicyDirectory is null ? PolicyBundle.FromEmbeddedResources() : PolicyBundle.FromDirectory(options.PolicyDirectory);
                return EmbeddedPolicyEngine.Load(bundle, timeProvider);
            default:
                throw new InvalidOperationException($"Unknown policy engine '{options.Engine}' (expected opa or embedded).");
        }
    }
}
