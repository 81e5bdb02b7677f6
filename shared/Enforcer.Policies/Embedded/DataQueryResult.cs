namespace Enforcer.Policies.Embedded;

/// <summary>The value of a data document: its JSON, undefined (null JSON and no error), or an evaluation error.</summary>
/// <param name="Json">The document as JSON, or null when undefined or on error.</param>
/// <param name="Error">The evaluation error, or null.</param>
public sealed record DataQueryResult(string? Json, string? Error)
{
    public bool IsUndefined => Json is null && Error is null;
}
