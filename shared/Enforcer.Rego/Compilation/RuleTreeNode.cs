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

    public RuleTreeNode GetOrAdd(string name)
    {
        if (!Children.TryGetValue(name, out var child))
        {
            child = new RuleTreeNode([.. Path, name]);
            Children[name] = child;
        }

        return child;
    }
}
