namespace Enforcer.Rego.Conformance;

/// <summary>What happened to one case, with a reason for failures and skips.</summary>
public sealed record CaseResult(string Note, string Area, string File, CaseOutcome Outcome, string? Detail);
