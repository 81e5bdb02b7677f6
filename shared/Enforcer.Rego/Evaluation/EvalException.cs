using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Evaluation;

/// <summary>Unwinds the interpreter on an evaluation error; the public API converts it to a <see cref="RegoError"/>.</summary>
internal sealed class EvalException(string code, string message, SourceSpan? span) : Exception(message)
{
    public RegoError ToError() => new(Code, Message, Span);

    public string Code { get; } = code;

    public SourceSpan? Span { get; } = span;
}
