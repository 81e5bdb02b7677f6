using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Ast;

/// <summary>One expression of a body, possibly negated and with <c>with</c> modifiers.</summary>
internal abstract class Literal(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    public bool Negated { get; set; }

    public WithModifier[] With { get; set; } = [];
}

/// <summary>A bare term: true when defined and not <c>false</c> (calls, refs, comparisons).</summary>
internal sealed class TermLiteral(SourceSpan span, Term term) : Literal(span)
{
    public Term Term { get; set; } = term;
}

/// <summary><c>a = b</c> (unification) or <c>a := b</c> (assignment; declares the left-hand vars).</summary>
internal sealed class UnifyLiteral(SourceSpan span, Term left, Term right, bool isAssign) : Literal(span)
{
    public Term Left { get; set; } = left;

    public Term Right { get; set; } = right;

    public bool IsAssign { get; } = isAssign;
}

/// <summary><c>some x, y</c>: declares local vars.</summary>
internal sealed class SomeDeclLiteral(SourceSpan span, VarTerm[] vars) : Literal(span)
{
    public VarTerm[] Vars { get; } = vars;
}

/// <summary><c>some v in xs</c> or <c>some k, v in xs</c>.</summary>
internal sealed class SomeInLiteral(SourceSpan span, Term? key, Term value, Term collection) : Literal(span)
{
    public Term? Key { get; set; } = key;

    public Term Value { get; set; } = value;

    public Term Collection { get; set; } = collection;
}

/// <summary><c>every k, v in domain { body }</c>.</summary>
internal sealed class EveryLiteral(SourceSpan span, Term? key, Term value, Term domain, Body body) : Literal(span)
{
    public Term? Key { get; set; } = key;

    public Term Value { get; set; } = value;

    public Term Domain { get; set; } = domain;

    public Body Body { get; } = body;

    /// <summary>Set by the compiler: slots of enclosing-scope vars the body reads.</summary>
    public int[] Captured { get; set; } = [];
}

/// <summary><c>with target as value</c>.</summary>
internal sealed class WithModifier(SourceSpan span, Term target, Term value)
{
    public SourceSpan Span { get; } = span;

    public Term Target { get; set; } = target;

    public Term Value { get; set; } = value;

    /// <summary>Set by the compiler: path under input or data (strings), or null for a function target.</summary>
    public string[]? Path { get; set; }

    public bool TargetsInput { get; set; }

    /// <summary>Set by the compiler for function/builtin replacement: the replaced name.</summary>
    public string? FunctionName { get; set; }

    /// <summary>Set by the compiler when the replacement is itself a function or builtin (by name).</summary>
    public string? ReplacementFunction { get; set; }
}

/// <summary>A sequence of literals, all of which must hold.</summary>
internal sealed class Body(SourceSpan span, Literal[] literals)
{
    public SourceSpan Span { get; } = span;

    public Literal[] Literals { get; set; } = literals;
}
