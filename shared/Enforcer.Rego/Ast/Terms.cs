using Enforcer.Rego.Builtins;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Ast;

// The term nodes of the syntax tree. They are internal: the public surface is the compiler and the
// evaluator. Fields written by the compiler (slots, resolutions) are set once before the policy set
// is published and never changed afterwards, so compiled trees are safe to share across threads.

/// <summary>Any Rego term; every node knows where it came from.</summary>
internal abstract class Term(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>True when the term contains no variables, refs, calls or comprehensions (set by the compiler).</summary>
    public Value? Constant { get; set; }

    /// <summary>
    /// The evaluator's cache of which local slots must be bound for the term to have at most one value (or a marker that
    /// no bindings make it so); derived from the compiled term on first use.
    /// </summary>
    internal int[]? SimpleSlots { get; set; }
}

/// <summary>null, true/false, a number or a string.</summary>
internal sealed class ScalarTerm : Term
{
    public ScalarTerm(SourceSpan span, Value value)
        : base(span)
    {
        Value = value;
        Constant = value;
    }

    public Value Value { get; }

    /// <summary>True when written as <c>.name</c> in a reference (v0 heads treat <c>p.q</c> and <c>p["q"]</c> differently).</summary>
    public bool FromDot { get; init; }
}

/// <summary>A variable. The compiler assigns <see cref="Slot"/> for locals.</summary>
internal sealed class VarTerm(SourceSpan span, string name) : Term(span)
{
    public string Name { get; set; } = name;

    public int Slot { get; set; } = -1;

    public bool IsWildcard => Name == "_" || Name.StartsWith("$wc", StringComparison.Ordinal);
}

/// <summary>A reference such as <c>input.a[x].b</c>; after compilation <see cref="Head"/> is a local var, data/input, or another term.</summary>
internal sealed class RefTerm(SourceSpan span, Term head, Term[] path) : Term(span)
{
    public Term Head { get; set; } = head;

    public Term[] Path { get; set; } = path;

    /// <summary>Set by the compiler: the root when this ref starts at <c>data</c> or <c>input</c>.</summary>
    public RefRoot Root { get; set; }

    /// <summary>For data refs: how many leading path elements are constant strings.</summary>
    public int StaticPrefixLength { get; set; }

    /// <summary>
    /// For data refs: where a walk of the rule tree along the constant prefix arrives (filled by the evaluator on
    /// first use; a term belongs to one compiled program and racing threads store equal values).
    /// </summary>
    internal DataRefStart? DataStart { get; set; }
}

/// <summary>A rule-tree node reached by a data ref's constant prefix, and the index of the next path element.</summary>
internal sealed record DataRefStart(Compilation.RuleTreeNode Node, int Index);

/// <summary>What a reference starts from.</summary>
internal enum RefRoot
{
    Term,
    Data,
    Input,
}

/// <summary>An array literal.</summary>
internal sealed class ArrayTerm(SourceSpan span, Term[] items) : Term(span)
{
    public Term[] Items { get; } = items;
}

/// <summary>A set literal.</summary>
internal sealed class SetTerm(SourceSpan span, Term[] items) : Term(span)
{
    public Term[] Items { get; } = items;
}

/// <summary>An object literal.</summary>
internal sealed class ObjectTerm(SourceSpan span, (Term Key, Term Value)[] entries) : Term(span)
{
    private static readonly int[] NoRank = [];
    private int[]? _rank;

    public (Term Key, Term Value)[] Entries { get; } = entries;

    /// <summary>
    /// When every key is a distinct constant: the sorted position of each entry, so the evaluator builds the
    /// object already in key order. Null otherwise. Computed on first use (every racing thread computes the same).
    /// </summary>
    public int[]? SortedRank
    {
        get
        {
            var rank = _rank ??= ComputeRank();
            return rank.Length == 0 ? null : rank;
        }
    }

    private int[] ComputeRank()
    {
        var keys = new Value[Entries.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (Entries[i].Key.Constant is not { } key)
            {
                return NoRank;
            }

            keys[i] = key;
        }

        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys.ToArray(), order, ValueComparer.Instance);
        var rank = new int[keys.Length];
        for (var position = 0; position < order.Length; position++)
        {
            if (position > 0 && keys[order[position]].Equals(keys[order[position - 1]]))
            {
                return NoRank;
            }

            rank[order[position]] = position;
        }

        return rank;
    }
}

/// <summary>Kinds of comprehension.</summary>
internal enum ComprehensionKind
{
    Array,
    Set,
    Object,
}

/// <summary><c>[x | body]</c>, <c>{x | body}</c> or <c>{k: v | body}</c>.</summary>
internal sealed class ComprehensionTerm(SourceSpan span, ComprehensionKind kind, Term? key, Term value, Body body) : Term(span)
{
    public ComprehensionKind Kind { get; } = kind;

    public Term? Key { get; set; } = key;

    public Term Value { get; set; } = value;

    public Body Body { get; } = body;

    /// <summary>Set by the compiler: slots of enclosing-scope vars the body reads (they must be bound first).</summary>
    public int[] Captured { get; set; } = [];
}

/// <summary>A function call; infix operators are calls too (<c>a + b</c> is <c>plus(a, b)</c>).</summary>
internal sealed class CallTerm(SourceSpan span, Term function, Term[] args) : Term(span)
{
    /// <summary>The called name as written: a var or a ref.</summary>
    public Term Function { get; } = function;

    public Term[] Args { get; set; } = args;

    /// <summary>Dotted name as written, e.g. <c>strings.replace_n</c> or <c>data.lib.f</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Resolved by the compiler: a builtin.</summary>
    public BuiltinDefinition? Builtin { get; set; }

    /// <summary>Resolved by the compiler: the data path of a user function (e.g. data.pkg.f).</summary>
    public string[]? FunctionPath { get; set; }

    /// <summary>
    /// The rule-tree node of <see cref="FunctionPath"/>, looked up on the first call and kept (a term belongs to
    /// one compiled program, and every thread that races here stores the same node).
    /// </summary>
    internal Compilation.RuleTreeNode? FunctionNode { get; set; }
}
