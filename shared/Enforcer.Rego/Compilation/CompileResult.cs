using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Compilation;

/// <summary>Either a compiled policy set or the diagnostics that prevented it.</summary>
public sealed class CompileResult
{
    internal CompileResult(CompiledPolicySet? policySet, IReadOnlyList<Diagnostic> diagnostics)
    {
        PolicySet = policySet;
        Diagnostics = diagnostics;
    }

    /// <summary>The compiled set; null when <see cref="Diagnostics"/> holds errors.</summary>
    public CompiledPolicySet? PolicySet { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Success => PolicySet is not null;

    /// <summary>All diagnostics, one per paragraph, in <c>file:line:col</c> form with caret lines.</summary>
    public string FormatDiagnostics() => string.Join("\n", Diagnostics.Select(d => d.ToString()));
}
