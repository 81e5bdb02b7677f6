namespace Enforcer.Rego.Conformance;

/// <summary>Result of running one case.</summary>
public enum CaseOutcome
{
    Passed,
    Failed,
    Skipped,
}
