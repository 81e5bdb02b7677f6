using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Evaluation;

/// <summary>
/// An evaluation error with OPA's code: eval_conflict_error, eval_type_error, eval_builtin_error,
/// eval_limit_error (steps, time or depth), eval_cancel_error, or rego_* when a query fails to compile.
/// </summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Span">Where, when known.</param>
public sealed record RegoError(string Code, string Message, SourceSpan? Span)
{
    /// <summary><c>file:line: code: message</c>, as OPA prints evaluation errors.</summary>
    public override string ToString() =>
        Span is { } s ? $"{s.File}:{s.Line}: {Code}: {Message}" : $"{Code}: {Message}";
}
