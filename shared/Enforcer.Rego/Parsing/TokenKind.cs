namespace Enforcer.Rego.Parsing;

/// <summary>Kinds of tokens produced by <see cref="Lexer"/>.</summary>
internal enum TokenKind
{
    EndOfFile,
    Identifier,
    Number,
    String,
    RawString,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Dot,
    Comma,
    Semicolon,
    Colon,
    Assign,       // :=
    Unify,        // =
    Equal,        // ==
    NotEqual,     // !=
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Ampersand,
    Pipe,
    Invalid,
}
