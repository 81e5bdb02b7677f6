using Enforcer.Rego.Parsing;

namespace Enforcer.Rego.Tests.Parsing;

public class LexerTests
{
    [Fact]
    public void Tokenize_OperatorsAndLiterals_ProducesExpectedKinds()
    {
        var tokens = new Lexer("f.rego", "x := [1.5, \"a\\n\", `raw\\`] # comment\ny != 2").Tokenize();
        var kinds = tokens.Select(t => t.Kind).ToArray();
        Assert.Equal(
            [TokenKind.Identifier, TokenKind.Assign, TokenKind.LeftBracket, TokenKind.Number, TokenKind.Comma, TokenKind.String, TokenKind.Comma,
             TokenKind.RawString, TokenKind.RightBracket, TokenKind.Identifier, TokenKind.NotEqual, TokenKind.Number, TokenKind.EndOfFile],
            kinds);
        Assert.Equal("a\n", tokens[5].Text);
        Assert.Equal("raw\\", tokens[7].Text);
        Assert.True(tokens[9].NewlineBefore);
        Assert.Equal(2, tokens[9].Span.Line);
        Assert.Equal(1, tokens[9].Span.Column);
    }

    [Fact]
    public void Tokenize_UnterminatedString_ReportsErrorWithLocation()
    {
        var lexer = new Lexer("f.rego", "p := \"abc");
        lexer.Tokenize();
        var (message, span) = Assert.Single(lexer.Errors);
        Assert.Contains("non-terminated string", message, StringComparison.Ordinal);
        Assert.Equal(1, span.Line);
        Assert.Equal(6, span.Column);
    }
}
