using Enforcer.Rego.Ast;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

// Bodies, literals and unification.
internal sealed partial class Evaluator
{
    private bool EvalBody(Value?[] frame, Literal[] literals, int index, Func<bool> k)
    {
        // Literals that cannot enumerate are evaluated in a loop; the first one that may enumerate
        // continues through the continuation-passing path with the rest of the body.
        var mark = Mark;
        if (EvalSimplePrefix(frame, literals, ref index, out var stepped) == SimpleOutcome.Failed)
        {
            Undo(mark);
            return false;
        }

        return EvalRest(frame, literals, index, k, mark, stepped);
    }

    /// <summary>
    /// Evaluates literals directly from <paramref name="index"/> while they cannot enumerate. Held: the whole
    /// body held; Failed: a literal failed; NotSimple: <paramref name="index"/> is the first literal for the
    /// general path (<paramref name="stepped"/> tells whether its step was already counted).
    /// </summary>
    private SimpleOutcome EvalSimplePrefix(Value?[] frame, Literal[] literals, ref int index, out bool stepped)
    {
        stepped = false;
        while (index < literals.Length)
        {
            var literal = literals[index];
            if (literal.With.Length > 0)
            {
                return SimpleOutcome.NotSimple;
            }

            Step(literal.Span);
            var outcome = EvalSimpleLiteral(frame, literal);
            if (outcome != SimpleOutcome.Held)
            {
                stepped = true;
                return outcome;
            }

            index++;
        }

        return SimpleOutcome.Held;
    }

    private bool EvalRest(Value?[] frame, Literal[] literals, int index, Func<bool> k, int mark, bool stepped)
    {
        bool stop;
        if (index == literals.Length)
        {
            stop = k();
        }
        else
        {
            var literal = literals[index];
            if (!stepped)
            {
                Step(literal.Span);
            }

            if (literal is SomeInLiteral someIn && IsDirectSomeIn(frame, someIn))
            {
                stop = EvalSomeInThenBody(frame, someIn, literals, index, k);
            }
            else
            {
                stop = index == literals.Length - 1
                    ? EvalLiteralCounted(frame, literal, k)
                    : EvalLiteralThenBody(frame, literals, index, k);
            }
        }

        Undo(mark);
        return stop;
    }

    /// <summary>
    /// `some k, v in xs` over a single-valued collection into locals or constants (the usual form): each member is
    /// bound and the rest of the body runs, with no continuation per member.
    /// </summary>
    private static bool IsDirectSomeIn(Value?[] frame, SomeInLiteral s) =>
        !s.Negated && s.With.Length == 0 && (s.Key is null || IsSimpleOutput(s.Key)) && IsSimpleOutput(s.Value)
        && IsSimple(frame, s.Collection);

    private bool EvalSomeInThenBody(Value?[] frame, SomeInLiteral s, Literal[] literals, int index, Func<bool> k)
    {
        switch (EvalSimple(frame, s.Collection))
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (MemberThenBody(frame, s, s.Key is null ? null : Value.From(i), a[i], literals, index, k))
                    {
                        return true;
                    }
                }

                return false;
            case SetValue set:
                foreach (var item in set.AsSpan())
                {
                    if (MemberThenBody(frame, s, item, item, literals, index, k))
                    {
                        return true;
                    }
                }

                return false;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (MemberThenBody(frame, s, o.Keys[i], o.Values[i], literals, index, k))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool MemberThenBody(Value?[] frame, SomeInLiteral s, Value? key, Value value, Literal[] literals, int index, Func<bool> k)
    {
        var mark = Mark;
        var stop = (s.Key is null || UnifySimpleOutput(frame, s.Key, key!))
            && UnifySimpleOutput(frame, s.Value, value)
            && EvalBody(frame, literals, index + 1, k);
        Undo(mark);
        return stop;
    }

    // Lambdas live in their own methods throughout the evaluator: a lambda that captures a parameter makes C# allocate
    // its closure on entry to the method, on the fast paths too.
    private bool EvalLiteralThenBody(Value?[] frame, Literal[] literals, int index, Func<bool> k) =>
        EvalLiteralCounted(frame, literals[index], () => EvalBody(frame, literals, index + 1, k));

    private bool EvalLiteralCounted(Value?[] frame, Literal literal, Func<bool> k)
    {
        if (literal.With.Length > 0)
        {
            return EvalWith(frame, literal, k);
        }

        return EvalLiteralNoWith(frame, literal, k);
    }

    private bool EvalLiteralNoWith(Value?[] frame, Literal literal, Func<bool> k)
    {
        if (literal.Negated)
        {
            var mark = Mark;
            var found = EvalPositive(frame, literal, static () => true);
            Undo(mark);
            return !found && k();
        }

        return EvalPositive(frame, literal, k);
    }

    private bool EvalPositive(Value?[] frame, Literal literal, Func<bool> k)
    {
        switch (literal)
        {
            case TermLiteral t:
                return EvalExpressionTerm(frame, t.Term, k);
            case UnifyLiteral u:
                return UnifyTerms(frame, u.Left, u.Right, k);
            case SomeDeclLiteral:
                return k();
            case SomeInLiteral s:
                return EvalSomeIn(frame, s, k);
            case EveryLiteral e:
                return EvalEvery(frame, e, k);
            default:
                return false;
        }
    }

    private bool EvalSomeIn(Value?[] frame, SomeInLiteral s, Func<bool> k)
    {
        if (IsSimple(frame, s.Collection))
        {
            return EvalSimple(frame, s.Collection) is { } collection && IterateMembers(frame, collection, s.Key, s.Value, k);
        }

        return EvalTerm(frame, s.Collection, collection => IterateMembers(frame, collection, s.Key, s.Value, k));
    }

    private bool EvalExpressionTerm(Value?[] frame, Term term, Func<bool> k)
    {
        if (term is CallTerm call && call.Name != "walk" && IsOutputCall(call))
        {
            return EvalOutputCall(frame, call, k);
        }

        if (IsSimple(frame, term))
        {
            return EvalSimple(frame, term) is { } value && value is not BooleanValue { Value: false } && k();
        }

        return EvalExpressionGeneral(frame, term, k);
    }

    private bool EvalExpressionGeneral(Value?[] frame, Term term, Func<bool> k) =>
        EvalTerm(frame, term, value => value is not BooleanValue { Value: false } && k());

    private bool EvalOutputCall(Value?[] frame, CallTerm call, Func<bool> k)
    {
        var inputs = call.Args[..^1];
        return EvalArgs(frame, inputs, 0, new Value[inputs.Length], args =>
        {
            var result = InvokeCall(frame, call, args);
            return result is not null && UnifyValue(frame, call.Args[^1], result, k);
        });
    }

    private bool IsOutputCall(CallTerm call)
    {
        if (call.Builtin is not null)
        {
            return call.Name != "print" && call.Args.Length == call.Builtin.Arity + 1;
        }

        if (ResolveFunction(call) is { } node)
        {
            var rule = node.Rules.Count > 0 ? node.Rules[0] : node.Default;
            return rule?.Args is not null && call.Args.Length == rule.Args.Length + 1;
        }

        return false;
    }

    private bool IterateMembers(Value?[] frame, Value collection, Term? keyTerm, Term valueTerm, Func<bool> k)
    {
        switch (collection)
        {
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (TryMember(frame, keyTerm, Value.From(i), valueTerm, a[i], k))
                    {
                        return true;
                    }
                }

                return false;
            case SetValue s:
                foreach (var item in s.AsSpan())
                {
                    if (TryMember(frame, keyTerm, item, valueTerm, item, k))
                    {
                        return true;
                    }
                }

                return false;
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    if (TryMember(frame, keyTerm, o.Keys[i], valueTerm, o.Values[i], k))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool TryMember(Value?[] frame, Term? keyTerm, Value key, Term valueTerm, Value value, Func<bool> k)
    {
        var mark = Mark;
        bool stop;
        if (keyTerm is null)
        {
            stop = UnifyValue(frame, valueTerm, value, k);
        }
        else if (keyTerm is VarTerm { Slot: >= 0 } keyVar && frame[keyVar.Slot] is null)
        {
            // `some k, v in xs` with k unbound: bind it directly (no continuation per member).
            Bind(frame, keyVar.Slot, key);
            stop = UnifyValue(frame, valueTerm, value, k);
        }
        else
        {
            stop = UnifyKeyThenValue(frame, keyTerm, key, valueTerm, value, k);
        }

        Undo(mark);
        return stop;
    }

    private bool UnifyKeyThenValue(Value?[] frame, Term keyTerm, Value key, Term valueTerm, Value value, Func<bool> k) =>
        UnifyValue(frame, keyTerm, key, () => UnifyValue(frame, valueTerm, value, k));

    private bool EvalEvery(Value?[] frame, EveryLiteral every, Func<bool> k)
    {
        return EvalTerm(frame, every.Domain, domain =>
        {
            var ok = true;
            var entries = new List<(Value Key, Value Value)>();
            switch (domain)
            {
                case ArrayValue a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        entries.Add((Value.From(i), a[i]));
                    }

                    break;
                case SetValue s:
                    foreach (var item in s.AsSpan())
                    {
                        entries.Add((item, item));
                    }

                    break;
                case ObjectValue o:
                    for (var i = 0; i < o.Count; i++)
                    {
                        entries.Add((o.Keys[i], o.Values[i]));
                    }

                    break;
                default:
                    return false;
            }

            foreach (var (key, value) in entries)
            {
                var mark = Mark;
                var satisfied = TryMember(frame, every.Key, key, every.Value, value, () => EvalBody(frame, every.Body.Literals, 0, static () => true));
                Undo(mark);
                if (!satisfied)
                {
                    ok = false;
                    break;
                }
            }

            return ok && k();
        });
    }

    /// <summary>Unifies two terms, binding variables on either side.</summary>
    private bool UnifyTerms(Value?[] frame, Term left, Term right, Func<bool> k)
    {
        if (IsEvaluable(frame, right))
        {
            return IsSimple(frame, right)
                ? EvalSimple(frame, right) is { } value && UnifyValue(frame, left, value, k)
                : EvalThenUnify(frame, right, left, k);
        }

        if (IsEvaluable(frame, left))
        {
            return IsSimple(frame, left)
                ? EvalSimple(frame, left) is { } value && UnifyValue(frame, right, value, k)
                : EvalThenUnify(frame, left, right, k);
        }

        return UnifyStructures(frame, left, right, k);
    }

    /// <summary>Evaluates <paramref name="evaluated"/> and unifies each of its values with <paramref name="other"/>.</summary>
    private bool EvalThenUnify(Value?[] frame, Term evaluated, Term other, Func<bool> k) =>
        EvalTerm(frame, evaluated, value => UnifyValue(frame, other, value, k));

    /// <summary>Unifies two terms neither of which can be evaluated yet: arrays or objects of the same shape, pairwise.</summary>
    private bool UnifyStructures(Value?[] frame, Term left, Term right, Func<bool> k)
    {
        if (left is ArrayTerm la && right is ArrayTerm ra)
        {
            return la.Items.Length == ra.Items.Length && UnifyPairs(frame, la.Items, ra.Items, 0, k);
        }

        if (left is ObjectTerm lo && right is ObjectTerm ro && lo.Entries.Length == ro.Entries.Length)
        {
            var leftKeys = new Term[lo.Entries.Length];
            var rightValues = new Term[lo.Entries.Length];
            for (var i = 0; i < lo.Entries.Length; i++)
            {
                var key = lo.Entries[i].Key.Constant;
                var match = Array.FindIndex(ro.Entries, e => e.Key.Constant is not null && e.Key.Constant == key);
                if (key is null || match < 0)
                {
                    return false;
                }

                leftKeys[i] = lo.Entries[i].Value;
                rightValues[i] = ro.Entries[match].Value;
            }

            return UnifyPairs(frame, leftKeys, rightValues, 0, k);
        }

        return false;
    }

    private bool UnifyPairs(Value?[] frame, Term[] left, Term[] right, int index, Func<bool> k)
    {
        if (index == left.Length)
        {
            return k();
        }

        // Pick a pair that can be unified now; others may become evaluable after its bindings.
        for (var i = index; i < left.Length; i++)
        {
            if (IsEvaluable(frame, left[i]) || IsEvaluable(frame, right[i]))
            {
                if (i != index)
                {
                    left = (Term[])left.Clone();
                    right = (Term[])right.Clone();
                    (left[i], left[index]) = (left[index], left[i]);
                    (right[i], right[index]) = (right[index], right[i]);
                }

                var l = left;
                var r = right;
                return UnifyTerms(frame, l[index], r[index], () => UnifyPairs(frame, l, r, index + 1, k));
            }
        }

        return UnifyTerms(frame, left[index], right[index], () => UnifyPairs(frame, left, right, index + 1, k));
    }

    /// <summary>Unifies a term (pattern) with a value.</summary>
    private bool UnifyValue(Value?[] frame, Term term, Value value, Func<bool> k)
    {
        switch (term)
        {
            case VarTerm v when v.Slot >= 0:
                var current = frame[v.Slot];
                if (current is null)
                {
                    var mark = Mark;
                    Bind(frame, v.Slot, value);
                    var stop = k();
                    Undo(mark);
                    return stop;
                }

                return current.Equals(value) && k();
            case ArrayTerm a when term.Constant is null:
                if (value is not ArrayValue av || av.Count != a.Items.Length)
                {
                    return false;
                }

                return UnifyElements(frame, a.Items, av, 0, k);
            case ObjectTerm o when term.Constant is null:
                if (value is not ObjectValue ov || ov.Count != o.Entries.Length)
                {
                    return false;
                }

                return UnifyObject(frame, o, ov, 0, k);
            default:
                if (term.Constant is not null)
                {
                    return term.Constant.Equals(value) && k();
                }

                if (IsSimple(frame, term))
                {
                    return EvalSimple(frame, term) is { } simple && simple.Equals(value) && k();
                }

                return EvalThenCompare(frame, term, value, k);
        }
    }

    private bool EvalThenCompare(Value?[] frame, Term term, Value value, Func<bool> k) =>
        EvalTerm(frame, term, actual => actual.Equals(value) && k());

    private bool UnifyElements(Value?[] frame, Term[] items, ArrayValue values, int index, Func<bool> k)
    {
        if (index == items.Length)
        {
            return k();
        }

        return UnifyValue(frame, items[index], values[index], () => UnifyElements(frame, items, values, index + 1, k));
    }

    private bool UnifyObject(Value?[] frame, ObjectTerm term, ObjectValue value, int index, Func<bool> k)
    {
        if (index == term.Entries.Length)
        {
            return k();
        }

        var (keyTerm, valueTerm) = term.Entries[index];
        return EvalTerm(frame, keyTerm, key =>
        {
            var member = value[key];
            return member is not null && UnifyValue(frame, valueTerm, member, () => UnifyObject(frame, term, value, index + 1, k));
        });
    }

    /// <summary>True when a term can be evaluated to values now (no unbound variables outside ref keys).</summary>
    private static bool IsEvaluable(Value?[] frame, Term term)
    {
        switch (term)
        {
            case ScalarTerm:
                return true;
            case VarTerm v:
                return v.Slot < 0 || frame[v.Slot] is not null;
            case RefTerm r:
                return r.Head is not VarTerm hv || hv.Slot < 0 || frame[hv.Slot] is not null || IsEvaluable(frame, r.Head);
            case ArrayTerm a:
                if (a.Constant is not null)
                {
                    return true;
                }

                foreach (var item in a.Items)
                {
                    if (!IsEvaluable(frame, item))
                    {
                        return false;
                    }
                }

                return true;
            case SetTerm s:
                foreach (var item in s.Items)
                {
                    if (!IsEvaluable(frame, item))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectTerm o:
                if (o.Constant is not null)
                {
                    return true;
                }

                foreach (var (key, value) in o.Entries)
                {
                    if (!IsEvaluable(frame, key) || !IsEvaluable(frame, value))
                    {
                        return false;
                    }
                }

                return true;
            case CallTerm c:
                foreach (var arg in c.Args)
                {
                    if (!IsEvaluable(frame, arg))
                    {
                        return false;
                    }
                }

                return true;
            case ComprehensionTerm comp:
                foreach (var slot in comp.Captured)
                {
                    if (frame[slot] is null)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
