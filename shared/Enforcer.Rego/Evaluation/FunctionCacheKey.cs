using Enforcer.Rego.Compilation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

/// <summary>Memo key for a user function call: the function node and its argument values.</summary>
internal readonly struct FunctionCacheKey(RuleTreeNode node, Value[] args) : IEquatable<FunctionCacheKey>
{
    public RuleTreeNode Node { get; } = node;

    public Value[] Args { get; } = args;

    public bool Equals(FunctionCacheKey other)
    {
        if (!ReferenceEquals(Node, other.Node) || Args.Length != other.Args.Length)
        {
            return false;
        }

        for (var i = 0; i < Args.Length; i++)
        {
            if (!Args[i].Equals(other.Args[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is FunctionCacheKey k && Equals(k);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Node);
        foreach (var a in Args)
        {
            h.Add(a.GetHashCode());
        }

        return h.ToHashCode();
    }
}
