namespace Enforcer.Rego.Conformance;

/// <summary>Options for a conformance run.</summary>
public sealed record ConformanceOptions
{
    /// <summary>Rego v0 cases (the <c>v0</c> folder) instead of v1.</summary>
    public bool V0 { get; init; }

    /// <summary>Only run areas whose name starts with this prefix.</summary>
    public string? AreaFilter { get; init; }

    /// <summary>Per-case evaluation time limit.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
