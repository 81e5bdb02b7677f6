namespace Enforcer.Cli.Evaluation;

/// <summary>One executed (or dry-run) step: method, request, step status and the API's HTTP status.</summary>
internal sealed record RemediationStepReport(string Method, string Verb, string Url, string Status, int? HttpStatus);
