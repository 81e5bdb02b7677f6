namespace Enforcer.Policies;

/// <summary>Which engine to use and where its policies are (bind from configuration section "Policy").</summary>
public sealed record PolicyEngineOptions
{
    /// <summary><c>opa</c> (production default) or <c>embedded</c>.</summary>
    public string Engine { get; init; } = "opa";

    /// <summary>OPA's address, for the <c>opa</c> engine.</summary>
    public Uri? OpaUrl { get; init; }

    /// <summary>Per-attempt OPA timeout.</summary>
    public TimeSpan OpaTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>OPA attempts per call.</summary>
    public int OpaMaxAttempts { get; init; } = 3;

    /// <summary>A policy directory for the <c>embedded</c> engine; null uses the bundle compiled into the assembly.</summary>
    public string? PolicyDirectory { get; init; }
}
