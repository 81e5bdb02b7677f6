namespace Enforcer.Rego.Evaluation;

/// <summary>Bounds that stop a runaway policy with an error instead of a hang.</summary>
public sealed record EvalLimits
{
    /// <summary>Maximum number of expression evaluations per query.</summary>
    public long MaxSteps { get; init; } = 10_000_000;

    /// <summary>Maximum wall time per query (measured with the evaluation's TimeProvider).</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Maximum nesting of rule and function evaluations.</summary>
    public int MaxDepth { get; init; } = 256;

    public static EvalLimits Default { get; } = new();
}
