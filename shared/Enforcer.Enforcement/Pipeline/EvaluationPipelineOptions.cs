using Enforcer.Core.Reading;

namespace Enforcer.Enforcement.Pipeline;

/// <summary>Evaluate's own bounds.</summary>
public sealed record EvaluationPipelineOptions
{
    /// <summary>How long transient read outcomes (not ready, 429, 5xx) are retried through redelivery.</summary>
    public ReadRetryBound RetryBound { get; init; } = new();

    /// <summary>The engine's name for metrics (embedded or opa).</summary>
    public string EngineName { get; init; } = "embedded";
}
