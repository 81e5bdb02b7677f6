namespace Enforcer.Rego.Evaluation;

/// <summary>Per-evaluation options.</summary>
public sealed record EvalOptions
{
    /// <summary>Clock for time builtins and the duration limit; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Builtin errors stop evaluation (OPA's strict-builtin-errors) instead of making the expression Undefined.</summary>
    public bool StrictBuiltinErrors { get; init; }

    public EvalLimits Limits { get; init; } = EvalLimits.Default;

    /// <summary>Receives <c>print</c> and <c>trace</c> output, one line per call; discarded when null.</summary>
    public Action<string>? PrintSink { get; init; }

    public static EvalOptions Default { get; } = new();
}
