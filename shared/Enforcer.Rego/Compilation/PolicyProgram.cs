using Enforcer.Rego.Builtins;

namespace Enforcer.Rego.Compilation;

/// <summary>The compiled, immutable rule tree shared by all evaluations of a policy set.</summary>
internal sealed class PolicyProgram(RuleTreeNode root, BuiltinTable builtins)
{
    public RuleTreeNode Root { get; } = root;

    public BuiltinTable Builtins { get; } = builtins;

    /// <summary>The node of a user function, by data path (without "data").</summary>
    public RuleTreeNode? FunctionNode(IReadOnlyList<string> path)
    {
        var node = Root;
        foreach (var segment in path)
        {
            if (!node.TryGetChild(segment, out node!))
            {
                return null;
            }
        }

        return node.IsFunction ? node : null;
    }
}
