using Enforcer.Rego.Ast;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

// Virtual documents: the value of a rule-tree node, and user function calls.
internal sealed partial class Evaluator
{
    private const string CompleteConflict = "complete rules must not produce multiple outputs";
    private const string FunctionConflict = "functions must not produce multiple outputs for same inputs";
    private const string KeyConflict = "object keys must be unique";

    private bool IsShadowed(RuleTreeNode node)
    {
        if (_dataOverrides is null)
        {
            return false;
        }

        foreach (var (path, _) in _dataOverrides)
        {
            if (path.Length <= node.Path.Length && path.AsSpan().SequenceEqual(node.Path.AsSpan(0, path.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The full document at a rule-tree node (rules, child rules and base data merged), cached per query.</summary>
    private Value? NodeValue(RuleTreeNode node)
    {
        if (_cache.TryGetValue(node, out var cached))
        {
            return cached;
        }

        if (!_inProgress.Add(node))
        {
            var span = node.Rules.Count > 0 ? node.Rules[0].Span : default;
            throw new EvalException("rego_recursion_error", $"rule {node.PathText} is recursive", span);
        }

        EnterDepth(node.Rules.Count > 0 ? node.Rules[0].Span : default);
        Value? value;
        try
        {
            value = ComputeNodeValue(node);
        }
        finally
        {
            _depth--;
            _inProgress.Remove(node);
        }

        _cache[node] = value;
        return value;
    }

    private Value? ComputeNodeValue(RuleTreeNode node)
    {
        if (IsShadowed(node))
        {
            return BaseAt(node.Path);
        }

        if (node.IsFunction)
        {
            // A function of no arguments is also a document (f() := 1 shows up as data.pkg.f).
            var first = node.Rules.Count > 0 ? node.Rules[0] : node.Default;
            if (first?.Args is not { Length: 0 })
            {
                return null;
            }

            // NodeValue already marked the node as in progress; the call marks it again itself.
            _inProgress.Remove(node);
            try
            {
                return CallFunction(node, [], first.Span);
            }
            finally
            {
                _inProgress.Add(node);
            }
        }

        // Where base data and a rule share a path, the base document wins (as in OPA's storage).
        if ((node.Rules.Count > 0 || node.Default is not null) && BaseAt(node.Path) is { } baseDocument)
        {
            return baseDocument;
        }

        var hasOwnRules = node.Rules.Count > 0 || node.Default is not null;
        if (hasOwnRules && !node.HasDynamicRules && node.Children.Count == 0)
        {
            return CompleteValue(node);
        }

        if (hasOwnRules && !node.HasDynamicRules)
        {
            var complete = CompleteValue(node);
            if (complete is null)
            {
                return null;
            }

            if (complete is not ObjectValue obj)
            {
                throw new EvalException("eval_conflict_error", CompleteConflict, node.Rules.Count > 0 ? node.Rules[0].Span : default);
            }

            var tree = DocumentTree.FromValue(obj);
            MergeChildren(node, tree);
            return tree.ToValue();
        }

        if (hasOwnRules)
        {
            var tree = PartialValue(node);
            MergeChildren(node, tree);
            return tree.ToValue();
        }

        // A namespace: base data at this path plus documents of child rules.
        var baseValue = BaseAt(node.Path);
        if (!node.HasRules)
        {
            return baseValue;
        }

        var result = baseValue is ObjectValue bo ? DocumentTree.FromValue(bo) : new DocumentTree();
        foreach (var (name, child) in node.Children)
        {
            if (!child.HasRules || (child.IsFunction && !IsNullary(child)))
            {
                continue;
            }

            var childValue = NodeValue(child);
            if (childValue is not null)
            {
                result.Set(new StringValue(name), childValue);
            }
        }

        return result.ToValue();
    }

    private void MergeChildren(RuleTreeNode node, DocumentTree tree)
    {
        if (node.Children.Count == 0)
        {
            return;
        }

        foreach (var (name, child) in node.Children)
        {
            if (!child.HasRules || (child.IsFunction && !IsNullary(child)))
            {
                continue;
            }

            var childValue = NodeValue(child);
            if (childValue is not null)
            {
                var span = child.Rules.Count > 0 ? child.Rules[0].Span : default;
                tree.Merge([new StringValue(name)], childValue, span, isSetElement: false);
            }
        }
    }

    /// <summary>Value of complete (single-value, constant head) rules with else chains and default.</summary>
    private Value? CompleteValue(RuleTreeNode node)
    {
        Value? result = null;
        foreach (var rule in node.Rules)
        {
            var value = EvalRuleChain(rule, null);
            if (value is null)
            {
                continue;
            }

            if (result is not null && !result.Equals(value))
            {
                throw new EvalException("eval_conflict_error", CompleteConflict, rule.Span);
            }

            result = value;
        }

        if (result is null && node.Default is not null)
        {
            result = EvalDefault(node.Default);
        }

        return result;
    }

    private Value? EvalDefault(Rule rule)
    {
        if (rule.Value is null)
        {
            return Value.True;
        }

        var frame = RentFrame(rule.FrameSize);
        Value? result = null;
        if (IsSimple(frame, rule.Value))
        {
            result = EvalSimple(frame, rule.Value);
        }
        else
        {
            EvalTerm(frame, rule.Value, v =>
            {
                result = v;
                return true;
            });
        }

        ReturnFrame(frame);
        return result;
    }

    /// <summary>Evaluates one rule with its else chain; returns its value or null. Args bind function parameters.</summary>
    private Value? EvalRuleChain(Rule rule, Value[]? args)
    {
        var frame = RentFrame(rule.FrameSize);
        var value = EvalRuleChain(rule, args, frame);
        ReturnFrame(frame);
        return value;
    }

    private Value? EvalRuleChain(Rule rule, Value[]? args, Value?[] frame)
    {
        var simpleArgs = ArgsAreSimple(rule.Args, args);
        for (var r = rule; r is not null; r = r.Else)
        {
            var mark = Mark;
            Value? result;
            if (!simpleArgs)
            {
                result = EvalRuleGeneral(frame, rule.Args, args, r);
            }
            else if (!BindArgsSimple(frame, rule.Args, args))
            {
                result = null;
            }
            else
            {
                // Most bodies cannot enumerate: one solution, no continuation needed.
                var index = 0;
                var outcome = EvalSimplePrefix(frame, r.Body.Literals, ref index, out var stepped);
                if (outcome == SimpleOutcome.Failed)
                {
                    result = null;
                }
                else if (outcome == SimpleOutcome.Held && (r.Value is null || IsSimple(frame, r.Value)))
                {
                    result = r.Value is null ? Value.True : EvalSimple(frame, r.Value);
                }
                else
                {
                    result = EvalRuleRest(frame, args, r, index, stepped);
                }
            }

            Undo(mark);
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }

    private static bool ArgsAreSimple(Term[]? parameters, Value[]? args)
    {
        if (parameters is null || args is null)
        {
            return true;
        }

        foreach (var parameter in parameters)
        {
            if (!IsSimpleOutput(parameter))
            {
                return false;
            }
        }

        return true;
    }

    private bool BindArgsSimple(Value?[] frame, Term[]? parameters, Value[]? args)
    {
        if (parameters is null || args is null)
        {
            return true;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!UnifySimpleOutput(frame, parameters[i], args[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A rule body (from <paramref name="index"/>) and value through continuations: several solutions must agree.</summary>
    private Value? EvalRuleRest(Value?[] frame, Value[]? args, Rule current, int index, bool stepped)
    {
        Value? result = null;
        EvalRest(frame, current.Body.Literals, index, () => RuleSolution(frame, args, current, ref result), Mark, stepped);
        return result;
    }

    private Value? EvalRuleGeneral(Value?[] frame, Term[]? parameters, Value[]? args, Rule current)
    {
        Value? result = null;
        BindArgs(frame, parameters, args, 0, () => EvalBody(frame, current.Body.Literals, 0, () => RuleSolution(frame, args, current, ref result)));
        return result;
    }

    /// <summary>One solution of a rule body: records the rule's value, reporting a conflict when solutions differ.</summary>
    private bool RuleSolution(Value?[] frame, Value[]? args, Rule current, ref Value? result)
    {
        if (current.Value is null)
        {
            if (result is not null && !result.Equals(Value.True))
            {
                throw new EvalException("eval_conflict_error", args is null ? CompleteConflict : FunctionConflict, current.Span);
            }

            result = Value.True;
            return false;
        }

        if (IsSimple(frame, current.Value))
        {
            var v = EvalSimple(frame, current.Value);
            if (v is not null)
            {
                if (result is not null && !result.Equals(v))
                {
                    throw new EvalException("eval_conflict_error", args is null ? CompleteConflict : FunctionConflict, current.Span);
                }

                result = v;
            }

            return false;
        }

        Value? found = result;
        EvalTerm(frame, current.Value, v =>
        {
            if (found is not null && !found.Equals(v))
            {
                throw new EvalException("eval_conflict_error", args is null ? CompleteConflict : FunctionConflict, current.Span);
            }

            found = v;
            return false;
        });
        result = found;
        return false;
    }

    private bool BindArgs(Value?[] frame, Term[]? parameters, Value[]? args, int index, Func<bool> k)
    {
        if (parameters is null || args is null || index == parameters.Length)
        {
            return k();
        }

        return UnifyValue(frame, parameters[index], args[index], () => BindArgs(frame, parameters, args, index + 1, k));
    }

    /// <summary>Documents of rules with variable keys (<c>p[k] := v</c>) or set membership (<c>p contains x</c>).</summary>
    private DocumentTree PartialValue(RuleTreeNode node)
    {
        var tree = new DocumentTree();
        var isSet = false;
        foreach (var rule in node.Rules)
        {
            var frame = RentFrame(rule.FrameSize);
            var keys = rule.DynamicKeys;
            isSet |= rule.Kind == RuleKind.MultiValue;
            if (rule.Kind == RuleKind.MultiValue && keys.Length == 0)
            {
                tree.EnsureSet();
            }

            var mark = Mark;
            var index = 0;
            var outcome = EvalSimplePrefix(frame, rule.Body.Literals, ref index, out var stepped);
            if (outcome == SimpleOutcome.Held && AllSimple(frame, keys) && (rule.Value is null || IsSimple(frame, rule.Value)))
            {
                // One solution: keys and value directly.
                if (EvalSimpleItems(frame, keys) is { } keyValues)
                {
                    var element = rule.Value is null ? Value.True : EvalSimple(frame, rule.Value);
                    if (element is not null)
                    {
                        tree.Merge(keyValues, element, rule.Span, isSetElement: rule.Kind == RuleKind.MultiValue);
                    }
                }
            }
            else if (outcome != SimpleOutcome.Failed)
            {
                PartialRuleRest(frame, rule, tree, index, stepped);
            }

            Undo(mark);
            ReturnFrame(frame);
        }

        if (isSet && node.Rules.All(r => r.DynamicKeys.Length == 0))
        {
            tree.EnsureSet();
        }

        return tree;
    }

    private void PartialRuleRest(Value?[] frame, Rule rule, DocumentTree tree, int index, bool stepped) =>
        EvalRest(frame, rule.Body.Literals, index, () => PartialSolution(frame, rule, tree), Mark, stepped);

    /// <summary>One solution of a partial rule's body: its keys and value go into the document.</summary>
    private bool PartialSolution(Value?[] frame, Rule rule, DocumentTree tree)
    {
        var keys = rule.DynamicKeys;
        if (AllSimple(frame, keys) && (rule.Value is null || IsSimple(frame, rule.Value)))
        {
            // Keys and value have one value each (the usual case once the body has bound its variables).
            if (EvalSimpleItems(frame, keys) is { } keyValues)
            {
                var element = rule.Value is null ? Value.True : EvalSimple(frame, rule.Value);
                if (element is not null)
                {
                    tree.Merge(keyValues, element, rule.Span, isSetElement: rule.Kind == RuleKind.MultiValue);
                }
            }

            return false;
        }

        return PartialSolutionGeneral(frame, rule, tree);
    }

    private bool PartialSolutionGeneral(Value?[] frame, Rule rule, DocumentTree tree)
    {
        var keys = rule.DynamicKeys;
        return EvalArgs(frame, keys, 0, new Value[keys.Length], keyValues =>
        {
            if (rule.Kind == RuleKind.MultiValue)
            {
                return EvalTerm(frame, rule.Value!, element =>
                {
                    tree.Merge((Value[])keyValues.Clone(), element, rule.Span, isSetElement: true);
                    return false;
                });
            }

            if (rule.Value is null)
            {
                tree.Merge((Value[])keyValues.Clone(), Value.True, rule.Span, isSetElement: false);
                return false;
            }

            return EvalTerm(frame, rule.Value, v =>
            {
                tree.Merge((Value[])keyValues.Clone(), v, rule.Span, isSetElement: false);
                return false;
            });
        });
    }

    private static bool IsNullary(RuleTreeNode node) =>
        (node.Rules.Count > 0 ? node.Rules[0] : node.Default)?.Args is { Length: 0 };

    private Value? CallFunction(RuleTreeNode node, Value[] args, CallTerm call) => CallFunction(node, args, call.Span);

    /// <summary>Calls a user function: every definition is tried; differing results are a conflict.</summary>
    private Value? CallFunction(RuleTreeNode node, Value[] args, Diagnostics.SourceSpan span)
    {
        // Calls are not memoized (OPA's topdown does memoize them; a memo cannot change a result, functions being
        // pure): hashing and comparing the arguments (often a whole IAM policy or resource) cost more than most
        // function bodies, and the policy library repeats few calls within one query.
        //
        // Recursion guard: the functions being called form a short stack; a scan of it is cheaper than hashing.
        foreach (var active in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_activeFunctions))
        {
            if (ReferenceEquals(active, node))
            {
                throw new EvalException("rego_recursion_error", $"function {node.PathText} is recursive", span);
            }
        }

        EnterDepth(span);
        _activeFunctions.Add(node);
        Value? result = null;
        try
        {
            foreach (var rule in node.Rules)
            {
                if (rule.Args is null || rule.Args.Length != args.Length)
                {
                    continue;
                }

                var value = EvalRuleChain(rule, args);
                if (value is null)
                {
                    continue;
                }

                if (result is not null && !result.Equals(value))
                {
                    throw new EvalException("eval_conflict_error", FunctionConflict, rule.Span);
                }

                result = value;
            }

            if (result is null && node.Default is not null)
            {
                result = EvalDefault(node.Default);
            }
        }
        finally
        {
            _depth--;
            _activeFunctions.RemoveAt(_activeFunctions.Count - 1);
        }

        return result;
    }
}
