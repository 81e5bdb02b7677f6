using Enforcer.Rego.Ast;

namespace Enforcer.Rego.Compilation;

// Safety: reorder body literals so that each one runs once the variables it reads are bound, and
// report variables that can never be bound (OPA's rego_unsafe_var_error).
internal sealed partial class Compiler
{
    private bool OrderBody(Body body, HashSet<int> bound, SlotAllocator slots)
    {
        var remaining = new List<Literal>(body.Literals);
        var ordered = new List<Literal>(remaining.Count);
        while (remaining.Count > 0)
        {
            var picked = -1;
            for (var i = 0; i < remaining.Count; i++)
            {
                var others = OtherUses(remaining, i);
                if (TryPlan(remaining[i], bound, others, out var outputs))
                {
                    bound.UnionWith(outputs);
                    picked = i;
                    break;
                }
            }

            if (picked < 0)
            {
                var literal = remaining[0];
                var unsafeVar = FirstUnbound(literal, bound);
                if (unsafeVar is not null)
                {
                    Error("rego_unsafe_var_error", $"var {DisplayName(unsafeVar.Name)} is unsafe", unsafeVar.Span);
                }
                else
                {
                    Error("rego_unsafe_var_error", "expression is unsafe", literal.Span);
                }

                return false;
            }

            ordered.Add(remaining[picked]);
            remaining.RemoveAt(picked);
        }

        body.Literals = [.. ordered];

        // Nested bodies see the variables they capture as bound.
        foreach (var literal in body.Literals)
        {
            foreach (var closure in Closures(literal))
            {
                if (closure is ComprehensionTerm c)
                {
                    var inner = new HashSet<int>(c.Captured);
                    if (!OrderBody(c.Body, inner, slots))
                    {
                        return false;
                    }

                    var needs = new HashSet<int>();
                    var gens = new HashSet<int>();
                    if (c.Key is not null)
                    {
                        Analyze(c.Key, inner, needs, gens);
                    }

                    Analyze(c.Value, inner, needs, gens);
                    if (needs.Count > 0)
                    {
                        var v = FindVar(c, needs.First());
                        Error("rego_unsafe_var_error", $"var {DisplayName(v?.Name ?? slots.Names[needs.First()])} is unsafe", v?.Span ?? c.Span);
                        return false;
                    }
                }
                else if (closure is EveryLiteral every)
                {
                    var inner = new HashSet<int>(every.Captured);
                    if (every.Key is not null)
                    {
                        inner.UnionWith(PatternVars(every.Key).Select(v => v.Slot));
                    }

                    inner.UnionWith(PatternVars(every.Value).Select(v => v.Slot));
                    if (!OrderBody(every.Body, inner, slots))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static string DisplayName(string name) => name.StartsWith("$wc", StringComparison.Ordinal) ? "_" : name;

    private void CheckHeadSafe(Rule rule, HashSet<int> bound, SlotAllocator slots)
    {
        var needs = new HashSet<int>();
        var gens = new HashSet<int>();
        foreach (var key in rule.DynamicKeys)
        {
            Analyze(key, bound, needs, gens);
        }

        if (rule.Value is not null)
        {
            Analyze(rule.Value, bound, needs, gens);
        }

        // Refs in the head may iterate (q := xs[_]); only variables that nothing binds are unsafe.
        if (needs.Count > 0)
        {
            var slot = needs.Min();
            VarTerm? found = null;
            foreach (var t in rule.DynamicKeys.Append(rule.Value))
            {
                if (t is not null)
                {
                    found ??= FindVar(t, slot);
                }
            }

            Error("rego_unsafe_var_error", $"var {DisplayName(found?.Name ?? slots.Names[slot])} is unsafe", found?.Span ?? rule.Span);
        }
    }

    private static HashSet<int> OtherUses(List<Literal> literals, int except)
    {
        var result = new HashSet<int>();
        for (var i = 0; i < literals.Count; i++)
        {
            if (i != except)
            {
                foreach (var v in LiteralVars(literals[i]))
                {
                    result.Add(v.Slot);
                }
            }
        }

        return result;
    }

    /// <summary>Decides whether a literal can run with <paramref name="bound"/> vars bound, and what it binds.</summary>
    private bool TryPlan(Literal literal, HashSet<int> bound, HashSet<int> otherUses, out HashSet<int> outputs)
    {
        outputs = [];
        var needs = new HashSet<int>();
        foreach (var with in literal.With)
        {
            if (with.ReplacementFunction is null)
            {
                Analyze(with.Value, bound, needs, outputs);
            }
        }

        outputs.Clear();
        if (needs.Count > 0)
        {
            return false;
        }

        switch (literal)
        {
            case SomeDeclLiteral:
                return true;
            case TermLiteral t:
                AnalyzeExpression(t.Term, bound, needs, outputs);
                break;
            case UnifyLiteral u:
                if (!PlanUnify(u.Left, u.Right, bound, outputs, u.IsAssign))
                {
                    return false;
                }

                break;
            case SomeInLiteral s:
                Analyze(s.Collection, bound, needs, outputs);
                if (needs.Count > 0)
                {
                    return false;
                }

                var afterCollection = new HashSet<int>(bound);
                afterCollection.UnionWith(outputs);
                if (s.Key is not null)
                {
                    AnalyzePattern(s.Key, afterCollection, needs, outputs);
                }

                AnalyzePattern(s.Value, afterCollection, needs, outputs);
                break;
            case EveryLiteral e:
                Analyze(e.Domain, bound, needs, outputs);
                foreach (var slot in e.Captured)
                {
                    if (!bound.Contains(slot))
                    {
                        needs.Add(slot);
                    }
                }

                outputs.Clear();
                break;
        }

        if (needs.Count > 0)
        {
            outputs.Clear();
            return false;
        }

        if (literal.Negated)
        {
            // Variables a negation would generate must not be needed anywhere else.
            if (outputs.Overlaps(otherUses))
            {
                outputs.Clear();
                return false;
            }

            outputs.Clear();
        }

        return true;
    }

    private void AnalyzeExpression(Term term, HashSet<int> bound, HashSet<int> needs, HashSet<int> gens)
    {
        if (term is CallTerm call && IsOutputCall(call))
        {
            for (var i = 0; i < call.Args.Length - 1; i++)
            {
                Analyze(call.Args[i], bound, needs, gens);
            }

            var after = new HashSet<int>(bound);
            after.UnionWith(gens);
            AnalyzePattern(call.Args[^1], after, needs, gens);
            return;
        }

        Analyze(term, bound, needs, gens);
    }

    /// <summary>True when the call passes one more argument than the function takes (the result goes there).</summary>
    internal bool IsOutputCall(CallTerm call)
    {
        if (call.Builtin is not null)
        {
            return call.Args.Length == call.Builtin.Arity + 1 && call.Name != "print";
        }

        if (call.FunctionPath is not null)
        {
            var node = _root;
            foreach (var p in call.FunctionPath)
            {
                if (!node.Children.TryGetValue(p, out node!))
                {
                    return false;
                }
            }

            var rule = node.Rules.FirstOrDefault() ?? node.Default;
            return rule?.Args is not null && call.Args.Length == rule.Args.Length + 1;
        }

        return false;
    }

    private bool PlanUnify(Term left, Term right, HashSet<int> bound, HashSet<int> outputs, bool isAssign)
    {
        var needs = new HashSet<int>();
        var gens = new HashSet<int>();
        Analyze(right, bound, needs, gens);
        if (needs.Count == 0)
        {
            var after = new HashSet<int>(bound);
            after.UnionWith(gens);
            var patternNeeds = new HashSet<int>();
            AnalyzePattern(left, after, patternNeeds, gens);
            if (patternNeeds.Count == 0)
            {
                outputs.UnionWith(gens);
                return true;
            }
        }

        if (!isAssign)
        {
            needs.Clear();
            gens.Clear();
            Analyze(left, bound, needs, gens);
            if (needs.Count == 0)
            {
                var after = new HashSet<int>(bound);
                after.UnionWith(gens);
                var patternNeeds = new HashSet<int>();
                AnalyzePattern(right, after, patternNeeds, gens);
                if (patternNeeds.Count == 0)
                {
                    outputs.UnionWith(gens);
                    return true;
                }
            }
        }

        // Element-wise unification of two array patterns: [a, 1] = [2, b].
        if (left is ArrayTerm la && right is ArrayTerm ra && la.Items.Length == ra.Items.Length)
        {
            var current = new HashSet<int>(bound);
            var pending = Enumerable.Range(0, la.Items.Length).ToList();
            var progress = true;
            while (pending.Count > 0 && progress)
            {
                progress = false;
                for (var k = 0; k < pending.Count; k++)
                {
                    var i = pending[k];
                    var o = new HashSet<int>();
                    if (PlanUnify(la.Items[i], ra.Items[i], current, o, false))
                    {
                        current.UnionWith(o);
                        outputs.UnionWith(o);
                        pending.RemoveAt(k);
                        progress = true;
                        break;
                    }
                }
            }

            return pending.Count == 0;
        }

        if (left is ObjectTerm lo && right is ObjectTerm ro && lo.Entries.Length == ro.Entries.Length)
        {
            var current = new HashSet<int>(bound);
            foreach (var (key, value) in lo.Entries)
            {
                var match = ro.Entries.FirstOrDefault(e => e.Key.Constant is not null && key.Constant is not null && e.Key.Constant == key.Constant);
                if (match.Key is null)
                {
                    return false;
                }

                var o = new HashSet<int>();
                if (!PlanUnify(value, match.Value, current, o, false))
                {
                    return false;
                }

                current.UnionWith(o);
                outputs.UnionWith(o);
            }

            return true;
        }

        return false;
    }

    /// <summary>Collects unbound vars a term needs as a value, and the vars its refs would enumerate.</summary>
    private void Analyze(Term term, HashSet<int> bound, HashSet<int> needs, HashSet<int> gens)
    {
        switch (term)
        {
            case VarTerm v:
                if (v.Slot >= 0 && !bound.Contains(v.Slot) && !gens.Contains(v.Slot))
                {
                    needs.Add(v.Slot);
                }

                break;
            case RefTerm r:
                Analyze(r.Head, bound, needs, gens);
                foreach (var p in r.Path)
                {
                    var after = new HashSet<int>(bound);
                    after.UnionWith(gens);
                    if (p is VarTerm or ArrayTerm or ObjectTerm)
                    {
                        AnalyzePattern(p, after, needs, gens);
                    }
                    else
                    {
                        Analyze(p, after, needs, gens);
                    }
                }

                break;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    Analyze(item, bound, needs, gens);
                }

                break;
            case SetTerm s:
                foreach (var item in s.Items)
                {
                    Analyze(item, bound, needs, gens);
                }

                break;
            case ObjectTerm o:
                foreach (var (key, value) in o.Entries)
                {
                    Analyze(key, bound, needs, gens);
                    Analyze(value, bound, needs, gens);
                }

                break;
            case CallTerm call:
                if (IsOutputCall(call))
                {
                    // A call with an output argument used as a value is not allowed; treat all as inputs.
                    foreach (var arg in call.Args)
                    {
                        Analyze(arg, bound, needs, gens);
                    }
                }
                else
                {
                    foreach (var arg in call.Args)
                    {
                        Analyze(arg, bound, needs, gens);
                    }
                }

                break;
            case ComprehensionTerm c:
                foreach (var slot in c.Captured)
                {
                    if (!bound.Contains(slot) && !gens.Contains(slot))
                    {
                        needs.Add(slot);
                    }
                }

                break;
        }
    }

    private void AnalyzePattern(Term term, HashSet<int> bound, HashSet<int> needs, HashSet<int> gens)
    {
        switch (term)
        {
            case VarTerm v:
                if (v.Slot >= 0 && !bound.Contains(v.Slot))
                {
                    gens.Add(v.Slot);
                }

                break;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    AnalyzePattern(item, bound, needs, gens);
                }

                break;
            case ObjectTerm o:
                foreach (var (key, value) in o.Entries)
                {
                    Analyze(key, bound, needs, gens);
                    AnalyzePattern(value, bound, needs, gens);
                }

                break;
            default:
                Analyze(term, bound, needs, gens);
                break;
        }
    }

    private static IEnumerable<VarTerm> LiteralVars(Literal literal)
    {
        IEnumerable<Term> terms = literal switch
        {
            TermLiteral t => [t.Term],
            UnifyLiteral u => [u.Left, u.Right],
            SomeInLiteral s => s.Key is null ? [s.Value, s.Collection] : [s.Key, s.Value, s.Collection],
            EveryLiteral e => [e.Domain],
            _ => [],
        };
        foreach (var term in terms.Concat(literal.With.Select(w => w.Value)))
        {
            foreach (var v in AllVars(term))
            {
                yield return v;
            }
        }

        if (literal is EveryLiteral every)
        {
            foreach (var slot in every.Captured)
            {
                yield return new VarTerm(every.Span, "") { Slot = slot };
            }
        }
    }

    private static IEnumerable<VarTerm> AllVars(Term term)
    {
        switch (term)
        {
            case VarTerm v:
                if (v.Slot >= 0)
                {
                    yield return v;
                }

                break;
            case RefTerm r:
                foreach (var v in AllVars(r.Head).Concat(r.Path.SelectMany(AllVars)))
                {
                    yield return v;
                }

                break;
            case ArrayTerm a:
                foreach (var v in a.Items.SelectMany(AllVars))
                {
                    yield return v;
                }

                break;
            case SetTerm s:
                foreach (var v in s.Items.SelectMany(AllVars))
                {
                    yield return v;
                }

                break;
            case ObjectTerm o:
                foreach (var v in o.Entries.SelectMany(e => AllVars(e.Key).Concat(AllVars(e.Value))))
                {
                    yield return v;
                }

                break;
            case CallTerm c:
                foreach (var v in c.Args.SelectMany(AllVars))
                {
                    yield return v;
                }

                break;
            case ComprehensionTerm comp:
                foreach (var slot in comp.Captured)
                {
                    yield return new VarTerm(comp.Span, "") { Slot = slot };
                }

                break;
        }
    }

    private static IEnumerable<object> Closures(Literal literal)
    {
        IEnumerable<Term> terms = literal switch
        {
            TermLiteral t => [t.Term],
            UnifyLiteral u => [u.Left, u.Right],
            SomeInLiteral s => s.Key is null ? [s.Value, s.Collection] : [s.Key, s.Value, s.Collection],
            EveryLiteral e => [e.Domain],
            _ => [],
        };
        foreach (var term in terms.Concat(literal.With.Select(w => w.Value)))
        {
            foreach (var c in TermClosures(term))
            {
                yield return c;
            }
        }

        if (literal is EveryLiteral every)
        {
            yield return every;
        }
    }

    private static IEnumerable<ComprehensionTerm> TermClosures(Term term)
    {
        switch (term)
        {
            case ComprehensionTerm c:
                yield return c;
                break;
            case RefTerm r:
                foreach (var c in TermClosures(r.Head).Concat(r.Path.SelectMany(TermClosures)))
                {
                    yield return c;
                }

                break;
            case ArrayTerm a:
                foreach (var c in a.Items.SelectMany(TermClosures))
                {
                    yield return c;
                }

                break;
            case SetTerm s:
                foreach (var c in s.Items.SelectMany(TermClosures))
                {
                    yield return c;
                }

                break;
            case ObjectTerm o:
                foreach (var c in o.Entries.SelectMany(e => TermClosures(e.Key).Concat(TermClosures(e.Value))))
                {
                    yield return c;
                }

                break;
            case CallTerm call:
                foreach (var c in call.Args.SelectMany(TermClosures))
                {
                    yield return c;
                }

                break;
        }
    }

    private VarTerm? FirstUnbound(Literal literal, HashSet<int> bound)
    {
        foreach (var v in LiteralVars(literal))
        {
            if (!bound.Contains(v.Slot) && v.Name.Length > 0)
            {
                return v;
            }
        }

        if (literal is EveryLiteral every)
        {
            foreach (var slot in every.Captured)
            {
                if (!bound.Contains(slot))
                {
                    return FindVarInBody(every.Body, slot);
                }
            }
        }

        foreach (var c in Closures(literal).OfType<ComprehensionTerm>())
        {
            foreach (var slot in c.Captured)
            {
                if (!bound.Contains(slot))
                {
                    return FindVar(c, slot);
                }
            }
        }

        return null;
    }

    private static VarTerm? FindVarInBody(Body body, int slot)
    {
        foreach (var literal in body.Literals)
        {
            foreach (var v in LiteralVars(literal))
            {
                if (v.Slot == slot && v.Name.Length > 0)
                {
                    return v;
                }
            }
        }

        return null;
    }

    private static VarTerm? FindVar(Term term, int slot)
    {
        if (term is ComprehensionTerm c)
        {
            return (c.Key is null ? null : FindVar(c.Key, slot)) ?? FindVar(c.Value, slot) ?? FindVarInBody(c.Body, slot);
        }

        return AllVars(term).FirstOrDefault(v => v.Slot == slot && v.Name.Length > 0);
    }
}
