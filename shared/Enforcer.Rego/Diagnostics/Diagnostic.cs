using System.Text;

namespace Enforcer.Rego.Diagnostics;

/// <summary>A compile-time problem: a code (e.g. <c>rego_parse_error</c>), a message and where it is.</summary>
/// <param name="Code">OPA-style error code: rego_parse_error, rego_unsafe_var_error, rego_recursion_error, rego_type_error, rego_compile_error.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Span">Where.</param>
/// <param name="SourceLine">The text of the offending line (without the newline), when known.</param>
public sealed record Diagnostic(string Code, string Message, SourceSpan Span, string? SourceLine)
{
    /// <summary><c>file:line:col: code: message</c>, then the line and a caret under the column.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(Span.File).Append(':').Append(Span.Line).Append(':').Append(Span.Column).Append(": ")
            .Append(Code).Append(": ").Append(Message);
        if (SourceLine is not null)
        {
            builder.Append('\n').Append('\t').Append(SourceLine.Replace('\t', ' ')).Append('\n').Append('\t')
                .Append(' ', Math.Max(0, Span.Column - 1)).Append('^');
        }

        return builder.ToString();
    }
}
