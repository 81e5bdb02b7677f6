using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Parsing;

/// <summary>Internal unwinding for the first syntax error; the parser turns it into a diagnostic.</summary>
internal sealed class ParseException(string message, SourceSpan span) : Exception(message)
{
    public SourceSpan Span { get; } = span;
}
