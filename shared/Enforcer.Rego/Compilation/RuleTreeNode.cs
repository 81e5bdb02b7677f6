using Enforcer.Rego.Ast;

namespace Enforcer.Rego.Compilation;

/// <summary>One node of the virtual document tree: the rules defined at this data path and the nodes below.</summary>
internal sealed class RuleTreeNode(string[] path)
{
    public string[] Path { get; } = path;

    public string PathText { get; } = "data" + string.Concat(path.Select(p => "." + p));

    public SortedDictionary<string, RuleTreeNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Non-default rules whose constant head path ends here.</summary>
    public List<Rule> Rules { get; } = [];

    public Rule? Default { get; set; }

    public bool IsFunction { get; set; }

    /// <summary>True when this node or a descendant has rules.</summary>
    public bool HasRules { get; set; }

    /// <summary>Max number of dynamic keys among rules here (0 for plain complete rules).</summary>
    public bool HasDynamicRules { get; set; }

    private Dictionary<string, RuleTreeNode>? _lookup;

    /// <summary>
    /// Child by name for evaluation: a hash lookup instead of the sorted tree's string comparisons. Built on first
    /// use, after compilation has finished adding nodes (racing threads build equal maps).
    /// </summary>
    public bool TryGetChild(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out RuleTreeNode child)
    {
        var lookup = _lookup ??= new Dictionary<string, RuleTreeNode>(Children, StringComparer.Ordinal);
        return lookup.TryGetValue(name, out child);
    }

    public RuleTreeNode GetOrAdd(string name)
    {
        if (!Children.TryGetValue(name, out var child))
        {
            child = new RuleTreeNode([.. Path, name]);
            Children[name] = child;
            _lookup = null;
        }

        return child;
    }
}
