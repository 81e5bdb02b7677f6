namespace Enforcer.Cli.Evaluation;

/// <summary>One call of a remediation plan: the allowlisted method and the HTTP request it becomes on Google's API.</summary>
internal sealed record PlannedCallReport(string Method, string Verb, string Url, string? Body);
