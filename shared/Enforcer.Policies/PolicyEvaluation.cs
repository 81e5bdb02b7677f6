namespace Enforcer.Policies;

/// <summary>The outcome of <see cref="IPolicyEngine.EvaluateAsync"/>: decisions, or an error.</summary>
public sealed class PolicyEvaluation
{
    private PolicyEvaluation(IReadOnlyList<PolicyDecision> decisions, PolicyEngineError? error)
    {
        Decisions = decisions;
        Error = error;
    }

    /// <summary>One decision per applicable policy, sorted by policy id; empty on error.</summary>
    public IReadOnlyList<PolicyDecision> Decisions { get; }

    /// <summary>Why there are no decisions, or null on success.</summary>
    public PolicyEngineError? Error { get; }

    public bool IsSuccess => Error is null;

    public static PolicyEvaluation Success(IReadOnlyList<PolicyDecision> decisions) => new(decisions, null);

    public static PolicyEvaluation Failure(PolicyErrorKind kind, string message) => new([], new PolicyEngineError(kind, message));
}
