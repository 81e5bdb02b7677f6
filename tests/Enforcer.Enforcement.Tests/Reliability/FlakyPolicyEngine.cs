using Enforcer.Policies;

namespace Enforcer.Enforcement.Tests.Reliability;

/// <summary>A policy engine that answers a share of evaluations with a transient error, as OPA does when it returns 503.</summary>
internal sealed class FlakyPolicyEngine(IPolicyEngine inner, double rate, int seed) : IPolicyEngine
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private int _failures;

    public int Failures => _failures;

    public Task<PolicyEvaluation> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken)
    {
        bool fail;
        lock (_gate)
        {
            fail = _random.NextDouble() < rate;
        }

        if (fail)
        {
            Interlocked.Increment(ref _failures);
            return Task.FromResult(PolicyEvaluation.Failure(PolicyErrorKind.Transient, "injected: OPA answered 503"));
        }

        return inner.EvaluateAsync(input, cancellationToken);
    }

    public Task<PolicyListing> ListPoliciesAsync(CancellationToken cancellationToken) => inner.ListPoliciesAsync(cancellationToken);
}
