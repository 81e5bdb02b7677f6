using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Parsing;

/// <summary>One token. <see cref="NewlineBefore"/> matters because newlines separate body literals.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, bool NewlineBefore, bool SpaceBefore)
{
    public bool Is(TokenKind kind) => Kind == kind;

    public bool IsIdentifier(string text) => Kind == TokenKind.Identifier && Text == text;
}
