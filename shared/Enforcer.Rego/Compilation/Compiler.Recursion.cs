using Enforcer.Rego.Ast;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Compilation;

// Recursion between rules is rejected at compile time, as in OPA (rego_recursion_error).
internal sealed partial class Compiler
{
    private void CheckRecursion(List<Module> modules)
    {
        var edges = new Dictionary<RuleTreeNode, HashSet<RuleTreeNode>>();
        var firstRule = new Dictionary<RuleTreeNode, Rule>();
        foreach (var module in modules)
        {
            foreach (var rule in module.Rules)
            {
                var node = NodeAt(rule.Path);
                if (node is null)
                {
                    continue;
                }

                firstRule.TryAdd(node, rule);
                if (!edges.TryGetValue(node, out var targets))
                {
                    targets = [];
                    edges[node] = targets;
                }

                for (var r = rule; r is not null; r = r.Else)
                {
                    foreach (var term in RuleTerms(r))
                    {
                        CollectDependencies(term, targets);
                    }
                }
            }
        }

        var state = new Dictionary<RuleTreeNode, int>();
        var stack = new List<RuleTreeNode>();
        foreach (var node in edges.Keys.OrderBy(n => n.PathText, StringComparer.Ordinal))
        {
            if (Visit(node))
            {
                return;
            }
        }

        bool Visit(RuleTreeNode node)
        {
            state.TryGetValue(node, out var s);
            if (s == 2)
            {
                return false;
            }

            if (s == 1)
            {
                var start = stack.IndexOf(node);
                var cycle = stack.Skip(start).Append(node).Select(n => n.PathText);
                var rule = firstRule.GetValueOrDefault(node) ?? node.Rules.FirstOrDefault() ?? node.Default!;
                Error("rego_recursion_error", $"rule {node.PathText} is recursive: {string.Join(" -> ", cycle)}", rule.Span);
                return true;
            }

            state[node] = 1;
            stack.Add(node);
            if (edges.TryGetValue(node, out var targets))
            {
                foreach (var target in targets.OrderBy(n => n.PathText, StringComparer.Ordinal))
                {
                    if (Visit(target))
                    {
                        return true;
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return false;
        }
    }

    private RuleTreeNode? NodeAt(IEnumerable<string> path)
    {
        var node = _root;
        foreach (var p in path)
        {
            if (!node.Children.TryGetValue(p, out node!))
            {
                return null;
            }
        }

        return node;
    }

    private static IEnumerable<Term> RuleTerms(Rule rule)
    {
        foreach (var key in rule.DynamicKeys)
        {
            yield return key;
        }

        if (rule.Value is not null)
        {
            yield return rule.Value;
        }

        foreach (var term in BodyTerms(rule.Body))
        {
            yield return term;
        }
    }

    private static IEnumerable<Term> BodyTerms(Body body)
    {
        foreach (var literal in body.Literals)
        {
            switch (literal)
            {
                case TermLiteral t:
                    yield return t.Term;
                    break;
                case UnifyLiteral u:
                    yield return u.Left;
                    yield return u.Right;
                    break;
                case SomeInLiteral s:
                    if (s.Key is not null)
                    {
                        yield return s.Key;
                    }

                    yield return s.Value;
                    yield return s.Collection;
                    break;
                case EveryLiteral e:
                    yield return e.Domain;
                    foreach (var t in BodyTerms(e.Body))
                    {
                        yield return t;
                    }

                    break;
            }

            foreach (var with in literal.With)
            {
                yield return with.Value;
            }
        }
    }

    private void CollectDependencies(Term term, HashSet<RuleTreeNode> targets)
    {
        switch (term)
        {
            case RefTerm r:
                if (r.Root == RefRoot.Data)
                {
                    var node = _root;
                    var i = 0;
                    for (; i < r.StaticPrefixLength; i++)
                    {
                        var key = ((StringValue)((ScalarTerm)r.Path[i]).Value).Value;
                        if (!node.Children.TryGetValue(key, out var child))
                        {
                            break;
                        }

                        node = child;
                        if (node.Rules.Count > 0 || node.Default is not null)
                        {
                            targets.Add(node);
                        }
                    }

                    // A non-string key (data[2]) cannot name a package or rule.
                    var nextIsNonString = i < r.Path.Length && r.Path[i].Constant is { } c && c is not StringValue;
                    if (i == r.StaticPrefixLength && !nextIsNonString)
                    {
                        AddAllBelow(node, targets);
                    }
                }

                CollectDependencies(r.Head, targets);
                foreach (var p in r.Path)
                {
                    CollectDependencies(p, targets);
                }

                break;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    CollectDependencies(item, targets);
                }

                break;
            case SetTerm s:
                foreach (var item in s.Items)
                {
                    CollectDependencies(item, targets);
                }

                break;
            case ObjectTerm o:
                foreach (var (key, value) in o.Entries)
                {
                    CollectDependencies(key, targets);
                    CollectDependencies(value, targets);
                }

                break;
            case CallTerm call:
                if (call.FunctionPath is not null && NodeAt(call.FunctionPath) is { } fn)
                {
                    targets.Add(fn);
                }

                foreach (var arg in call.Args)
                {
                    CollectDependencies(arg, targets);
                }

                break;
            case ComprehensionTerm c:
                if (c.Key is not null)
                {
                    CollectDependencies(c.Key, targets);
                }

                CollectDependencies(c.Value, targets);
                foreach (var t in BodyTerms(c.Body))
                {
                    CollectDependencies(t, targets);
                }

                break;
        }
    }

    private static void AddAllBelow(RuleTreeNode node, HashSet<RuleTreeNode> targets)
    {
        if (node.Rules.Count > 0 || node.Default is not null)
        {
            targets.Add(node);
        }

        foreach (var child in node.Children.Values)
        {
            AddAllBelow(child, targets);
        }
    }
}
