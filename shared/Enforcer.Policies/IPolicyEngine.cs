namespace Enforcer.Policies;

/// <summary>
/// Evaluates a resource against every policy that applies to its type, in one call. Implementations:
/// <see cref="Opa.OpaPolicyEngine"/> (OPA's REST Data API, the production default) and
/// <see cref="Embedded.EmbeddedPolicyEngine"/> (the in-process Rego engine). Failures are values, never exceptions.
/// </summary>
public interface IPolicyEngine
{
    /// <summary>Per-policy decisions for one resource, or an error (transient, permanent or undefined).</summary>
    Task<PolicyEvaluation> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken);

    /// <summary>Every loaded policy's metadata, sorted by id.</summary>
    Task<PolicyListing> ListPoliciesAsync(CancellationToken cancellationToken);
}
