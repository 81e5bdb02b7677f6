namespace Enforcer.Policies.Opa;

/// <summary>How to reach OPA's REST Data API and how patiently.</summary>
public sealed record OpaEngineOptions
{
    /// <summary>OPA's address, e.g. <c>http://localhost:8181/</c> (the client appends <c>v1/data/...</c>).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per call, the first included; retried only on 429, 5xx, timeouts and connection failures.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Delay before the first retry; doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Decisions document path under <c>v1/data/</c>.</summary>
    public string DecisionsPath { get; init; } = "enforcer/decisions";

    /// <summary>Catalog document path under <c>v1/data/</c>.</summary>
    public string CatalogPath { get; init; } = "enforcer/catalog";
}
