namespace Enforcer.Cli.Evaluation;

/// <summary>One resource of an event: the read outcome (evaluated, deleted, retry, denied, failed) and its policies.</summary>
internal sealed record ResourceReport(string AssetType, string Name, string Outcome, string? Detail, IReadOnlyList<PolicyReport> Policies);
