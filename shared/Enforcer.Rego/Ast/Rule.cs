using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Ast;

/// <summary>How a rule contributes to its document.</summary>
internal enum RuleKind
{
    /// <summary>One value (possibly under a ref head with variable keys: <c>p[k] := v</c>).</summary>
    SingleValue,

    /// <summary>Set membership: <c>p contains x</c> (v0: <c>p[x] { }</c>).</summary>
    MultiValue,

    /// <summary><c>f(x) := y</c>.</summary>
    Function,
}

/// <summary>A rule, its head and body; <c>else</c> branches hang off <see cref="Else"/>.</summary>
internal sealed class Rule(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    public Module Module { get; set; } = null!;

    public RuleKind Kind { get; set; }

    /// <summary>The head reference: a name then constant or variable keys (<c>p.q[x]</c>).</summary>
    public Term[] HeadPath { get; set; } = [];

    public Term[]? Args { get; set; }

    /// <summary>The value (null means <c>true</c>) or, for multi-value rules, the element.</summary>
    public Term? Value { get; set; }

    public bool IsDefault { get; set; }

    public bool IsAssign { get; set; }

    public Body Body { get; set; } = null!;

    public Rule? Else { get; set; }

    /// <summary>Number of variable slots the compiler allotted (head, args and body).</summary>
    public int FrameSize { get; set; }

    /// <summary>Full data path of the constant part of the head (package path plus leading constant keys).</summary>
    public string[] Path { get; set; } = [];

    /// <summary>Head keys after <see cref="Path"/> (variable or computed).</summary>
    public Term[] DynamicKeys { get; set; } = [];
}
