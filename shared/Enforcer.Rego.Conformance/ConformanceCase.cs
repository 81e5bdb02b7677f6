using Enforcer.Rego.Values;

namespace Enforcer.Rego.Conformance;

/// <summary>One case from an OPA conformance YAML file.</summary>
public sealed class ConformanceCase
{
    public required string Note { get; init; }

    public required string Area { get; init; }

    public required string File { get; init; }

    public string Query { get; init; } = string.Empty;

    public IReadOnlyList<string> Modules { get; init; } = [];

    public Value? Data { get; init; }

    public Value? Input { get; init; }

    public string? InputTerm { get; init; }

    /// <summary>Expected bindings; null when the case expects an error.</summary>
    public IReadOnlyList<Value>? WantResult { get; init; }

    public string? WantErrorCode { get; init; }

    public string? WantError { get; init; }

    public bool StrictError { get; init; }

    public bool SortBindings { get; init; }
}
