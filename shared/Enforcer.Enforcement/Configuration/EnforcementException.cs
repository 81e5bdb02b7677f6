namespace Enforcer.Enforcement.Configuration;

/// <summary>An operator-granted exception: a policy (or every policy, "*") does not act on matching resources until it expires.</summary>
/// <param name="Policy">Policy id or "*".</param>
/// <param name="Resource">A full resource name, or a prefix ending in "*".</param>
/// <param name="Expires">After this instant the exception no longer applies.</param>
/// <param name="Reason">Why it was granted (recorded with each decision it affects).</param>
public sealed record EnforcementException(string Policy, string Resource, DateTimeOffset Expires, string Reason)
{
    public bool Matches(string policyId, string resourceName) =>
        (Policy == "*" || Policy == policyId)
        && (Resource.EndsWith('*') ? resourceName.StartsWith(Resource[..^1], StringComparison.Ordinal) : Resource == resourceName);
}
