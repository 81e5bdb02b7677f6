namespace Enforcer.Policies;

/// <summary>The outcome of <see cref="IPolicyEngine.ListPoliciesAsync"/>: metadata, or an error.</summary>
public sealed class PolicyListing
{
    private PolicyListing(IReadOnlyList<PolicyMetadata> policies, PolicyEngineError? error)
    {
        Policies = policies;
        Error = error;
    }

    /// <summary>Every policy, sorted by id; empty on error.</summary>
    public IReadOnlyList<PolicyMetadata> Policies { get; }

    public PolicyEngineError? Error { get; }

    public bool IsSuccess => Error is null;

    public static PolicyListing Success(IReadOnlyList<PolicyMetadata> policies) => new(policies, null);

    public static PolicyListing Failure(PolicyErrorKind kind, string message) => new([], new PolicyEngineError(kind, message));
}
