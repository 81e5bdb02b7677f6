namespace Enforcer.Core.Storage;

/// <summary>One executed (or, in dry-run, planned) API call of a remediation plan.</summary>
/// <param name="Index">Position in the plan.</param>
/// <param name="Method">The allowlisted method name.</param>
/// <param name="Identity">Hash of the method and its parameters without concurrency tokens: a resumed remediation skips steps whose identity is already done.</param>
/// <param name="Verb">HTTP verb sent (or that would be sent).</param>
/// <param name="Url">Request URL.</param>
/// <param name="Body">Request body, if any.</param>
/// <param name="Status">done, would-call (dry-run), conflict, failed.</param>
/// <param name="HttpStatus">The API's answer; null in dry-run.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Detail">Error message or operation name.</param>
public sealed record RemediationStep(
    int Index,
    string Method,
    string Identity,
    string Verb,
    string Url,
    string? Body,
    string Status,
    int? HttpStatus,
    DateTimeOffset At,
    string? Detail)
{
    public const string Done = "done";
    public const string WouldCall = "would-call";
    public const string Conflict = "conflict";
    public const string Failed = "failed";
}
