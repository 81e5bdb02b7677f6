using Enforcer.Rego.Ast;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

// The direct path for single-valued terms and literals. Most expressions of real policies cannot
// enumerate (refs whose keys are all bound, calls on such refs, composites of them): they have at
// most one value. Evaluating them directly, instead of through continuations, allocates no closures
// and keeps the call stack flat. Everything here must give exactly what the continuation-passing
// path gives: same values, same left-to-right order of evaluation, the same undefined and errors.
internal sealed partial class Evaluator
{
    // The SimpleSlots marker of a term that no bindings make single-valued.
    private static readonly int[] NeverSimple = [-1];

    /// <summary>What the direct path made of a literal.</summary>
    private enum SimpleOutcome
    {
        /// <summary>The literal may enumerate or bind through patterns: use the general path.</summary>
        NotSimple,

        /// <summary>The literal held (any binding it made is on the trail).</summary>
        Held,

        /// <summary>The literal failed (undefined or false).</summary>
        Failed,
    }

    /// <summary>
    /// True when the term has at most one value under the current bindings and can be evaluated by
    /// <see cref="EvalSimple"/>: no unbound variable where it would enumerate or be bound.
    /// </summary>
    private static bool IsSimple(Value?[] frame, Term term)
    {
        if (term.Constant is not null)
        {
            return true;
        }

        // Whether a term is single-valued depends only on which of its local variables are bound: the slots that must
        // be are worked out once per term (racing threads compute equal arrays).
        var slots = term.SimpleSlots ??= SimpleSlotsOf(term);
        if (ReferenceEquals(slots, NeverSimple))
        {
            return false;
        }

        foreach (var slot in slots)
        {
            if (frame[slot] is null)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] SimpleSlotsOf(Term term)
    {
        var slots = new List<int>();
        if (!CollectSimpleSlots(term, slots))
        {
            return NeverSimple;
        }

        return slots.Count == 0 ? [] : [.. slots.Distinct()];
    }

    /// <summary>Adds the slots that must be bound for <paramref name="term"/> to be single-valued; false when none suffice.</summary>
    private static bool CollectSimpleSlots(Term term, List<int> slots)
    {
        if (term.Constant is not null)
        {
            return true;
        }

        switch (term)
        {
            case VarTerm v:
                // A non-local var (slot < 0) never enumerates.
                if (v.Slot >= 0)
                {
                    slots.Add(v.Slot);
                }

                return true;
            case RefTerm r:
                if (r.Root == RefRoot.Term && !CollectSimpleSlots(r.Head, slots))
                {
                    return false;
                }

                foreach (var element in r.Path)
                {
                    if (!CollectSimpleKeySlots(element, slots))
                    {
                        return false;
                    }
                }

                return true;
            case ArrayTerm a:
                return CollectAllSimpleSlots(a.Items, slots);
            case SetTerm s:
                return CollectAllSimpleSlots(s.Items, slots);
            case ObjectTerm o:
                foreach (var (key, value) in o.Entries)
                {
                    if (!CollectSimpleSlots(key, slots) || !CollectSimpleSlots(value, slots))
                    {
                        return false;
                    }
                }

                return true;
            case CallTerm c:
                return c.Name is not ("walk" or "print") && CollectAllSimpleSlots(c.Args, slots);
            case ComprehensionTerm comp:
                // As IsEvaluable: the general path waits for the captured variables to be bound.
                slots.AddRange(comp.Captured);
                return true;
            default:
                return false;
        }
    }

    private static bool CollectAllSimpleSlots(Term[] terms, List<int> slots)
    {
        foreach (var term in terms)
        {
            if (!CollectSimpleSlots(term, slots))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CollectSimpleKeySlots(Term element, List<int> slots)
    {
        if (element.Constant is not null)
        {
            return true;
        }

        if (element is VarTerm v)
        {
            // An unbound local enumerates. (A non-local var cannot reach here after compilation; the general path
            // handles it.)
            if (v.Slot < 0)
            {
                return false;
            }

            slots.Add(v.Slot);
            return true;
        }

        return CollectSimpleSlots(element, slots);
    }

    private static bool AllSimple(Value?[] frame, Term[] terms)
    {
        foreach (var term in terms)
        {
            if (!IsSimple(frame, term))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of a term for which <see cref="IsSimple"/> holds; null when undefined.</summary>
    private Value? EvalSimple(Value?[] frame, Term term)
    {
        if (term.Constant is not null)
        {
            return term.Constant;
        }

        switch (term)
        {
            case VarTerm v:
                return v.Slot >= 0 ? frame[v.Slot] : null;
            case RefTerm r:
                return EvalSimpleRef(frame, r);
            case ArrayTerm a:
                return EvalSimpleItems(frame, a.Items) is { } items ? new ArrayValue(items) : null;
            case SetTerm s:
                return EvalSimpleItems(frame, s.Items) is { } members ? SetValue.CreateOwned(members) : null;
            case ObjectTerm o:
                return EvalSimpleObject(frame, o);
            case CallTerm call:
                return EvalSimpleCall(frame, call, call.Args.Length);
            case ComprehensionTerm c:
                return EvalComprehension(frame, c);
            default:
                return null;
        }
    }

    /// <summary>
    /// A call on the first <paramref name="count"/> arguments, evaluated into a pooled buffer: builtins read their
    /// arguments as a span and functions bind them to their parameters, neither keeps the array, so the buffer
    /// serves the next call.
    /// </summary>
    private Value? EvalSimpleCall(Value?[] frame, CallTerm call, int count)
    {
        var buffer = RentArgs(count);
        Value? result = null;
        var defined = true;
        for (var i = 0; i < count; i++)
        {
            var value = EvalSimple(frame, call.Args[i]);
            if (value is null)
            {
                defined = false;
                break;
            }

            Store(buffer, i, value);
        }

        if (defined)
        {
            result = call.Builtin is { } builtin && _mocks is null ? InvokeBuiltin(call, builtin, buffer) : InvokeCall(frame, call, buffer);
        }

        ReturnArgs(buffer);
        return result;
    }

    private Value[] RentArgs(int count)
    {
        if (count < _argPool.Length && _argPool[count] is { Count: > 0 } pool)
        {
            return pool.Pop();
        }

        return new Value[count];
    }

    private void ReturnArgs(Value[] buffer)
    {
        if (buffer.Length < _argPool.Length)
        {
            Array.Clear(buffer);
            (_argPool[buffer.Length] ??= new Stack<Value[]>()).Push(buffer);
        }
    }

    private Value[]? EvalSimpleItems(Value?[] frame, Term[] terms)
    {
        if (terms.Length == 0)
        {
            return [];
        }

        var values = new Value[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var value = EvalSimple(frame, terms[i]);
            if (value is null)
            {
                return null;
            }

            Store(values, i, value);
        }

        return values;
    }

    private ObjectValue? EvalSimpleObject(Value?[] frame, ObjectTerm o)
    {
        var entries = o.Entries;
        var keys = new Value[entries.Length];
        var values = new Value[entries.Length];

        // Entries are evaluated in source order (undefined and errors as the general path); with
        // constant keys they are placed straight at their sorted position.
        var rank = o.SortedRank;
        for (var i = 0; i < entries.Length; i++)
        {
            var key = EvalSimple(frame, entries[i].Key);
            if (key is null)
            {
                return null;
            }

            var value = EvalSimple(frame, entries[i].Value);
            if (value is null)
            {
                return null;
            }

            var at = rank is null ? i : rank[i];
            Store(keys, at, key);
            Store(values, at, value);
        }

        return ObjectValue.CreateOwned(keys, values);
    }

    private Value? EvalSimpleRef(Value?[] frame, RefTerm r)
    {
        switch (r.Root)
        {
            case RefRoot.Input:
                return _input is null ? null : WalkSimple(frame, _input, r.Path, 0, baseDocument: false);
            case RefRoot.Data:
                return WalkDataSimple(frame, r);
            default:
                var head = EvalSimple(frame, r.Head);
                return head is null ? null : WalkSimple(frame, head, r.Path, 0, baseDocument: false);
        }
    }

    /// <summary>The direct form of <see cref="WalkValue"/> when every key is bound.</summary>
    private Value? WalkSimple(Value?[] frame, Value current, Term[] path, int index, bool baseDocument)
    {
        for (; index < path.Length; index++)
        {
            var element = path[index];
            var key = element.Constant;
            var computed = false;
            if (key is null)
            {
                if (element is VarTerm v)
                {
                    key = v.Slot >= 0 ? frame[v.Slot] : null;
                }
                else
                {
                    key = EvalSimple(frame, element);
                    computed = true;
                }

                if (key is null)
                {
                    return null;
                }
            }

            var next = Lookup(current, key);
            if (computed)
            {
                // The general path looks computed keys up without the base-document fallback below,
                // and walks on from there as a plain value.
                baseDocument = false;
            }
            else if (next is null && baseDocument && key is NumberValue { IsInteger: true } number && current is ObjectValue)
            {
                next = Lookup(current, new StringValue(number.ToString()));
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The direct form of <see cref="WalkData"/> when every key is bound.</summary>
    private Value? WalkDataSimple(Value?[] frame, RefTerm r)
    {
        var path = r.Path;
        var (node, index) = DataStart(r);
        while (true)
        {
            if (node.Rules.Count > 0 || node.Default is not null || node.IsFunction || IsShadowed(node))
            {
                var value = NodeValue(node);
                return value is null ? null : WalkSimple(frame, value, path, index, baseDocument: false);
            }

            if (index == path.Length)
            {
                return NodeValue(node);
            }

            var element = path[index];
            var key = element.Constant;
            if (key is null)
            {
                key = element is VarTerm v ? (v.Slot >= 0 ? frame[v.Slot] : null) : EvalSimple(frame, element);
                if (key is null)
                {
                    return null;
                }
            }

            if (key is StringValue s && node.TryGetChild(s.Value, out var child))
            {
                node = child;
                index++;
                continue;
            }

            var baseValue = BaseAt(node.Path);
            if (baseValue is null)
            {
                return null;
            }

            var next = Lookup(baseValue, key);
            if (next is null && key is NumberValue { IsInteger: true } number && baseValue is ObjectValue)
            {
                next = Lookup(baseValue, new StringValue(number.ToString()));
            }

            return next is null ? null : WalkSimple(frame, next, path, index + 1, baseDocument: true);
        }
    }

    /// <summary>
    /// Where to start walking a data ref: the rule-tree node its constant prefix leads to through plain
    /// namespaces (no rules on the way, so the walk would only have stepped through them). With `with` on data
    /// a namespace may be shadowed, so the walk then starts at the root.
    /// </summary>
    private (RuleTreeNode Node, int Index) DataStart(RefTerm r)
    {
        if (_dataOverrides is not null)
        {
            return (_program.Root, 0);
        }

        if (r.DataStart is not { } start)
        {
            var node = _program.Root;
            var index = 0;
            while (index < r.Path.Length
                && node.Rules.Count == 0 && node.Default is null && !node.IsFunction
                && r.Path[index].Constant is StringValue key
                && node.TryGetChild(key.Value, out var child))
            {
                node = child;
                index++;
            }

            start = new DataRefStart(node, index);
            r.DataStart = start;
        }

        return (start.Node, start.Index);
    }

    /// <summary>Evaluates a literal directly when it cannot enumerate; bindings it makes go on the trail.</summary>
    private SimpleOutcome EvalSimpleLiteral(Value?[] frame, Literal literal)
    {
        switch (literal)
        {
            case SomeDeclLiteral when !literal.Negated:
                return SimpleOutcome.Held;
            case TermLiteral t:
                return EvalSimpleTermLiteral(frame, t.Term, literal.Negated);
            case UnifyLiteral u when !literal.Negated:
                return EvalSimpleUnify(frame, u.Left, u.Right);
            default:
                return SimpleOutcome.NotSimple;
        }
    }

    private SimpleOutcome EvalSimpleTermLiteral(Value?[] frame, Term term, bool negated)
    {
        if (term is CallTerm call && call.Name != "walk" && IsOutputCall(call))
        {
            // f(x, out): the inputs must be simple and the output a local (bound or not) or a constant.
            if (negated || !IsSimpleOutput(call.Args[^1]))
            {
                return SimpleOutcome.NotSimple;
            }

            var args = call.Args;
            for (var i = 0; i < args.Length - 1; i++)
            {
                if (!IsSimple(frame, args[i]))
                {
                    return SimpleOutcome.NotSimple;
                }
            }

            var result = EvalSimpleCall(frame, call, args.Length - 1);
            if (result is null)
            {
                return SimpleOutcome.Failed;
            }

            return UnifySimpleOutput(frame, args[^1], result) ? SimpleOutcome.Held : SimpleOutcome.Failed;
        }

        if (!IsSimple(frame, term))
        {
            return SimpleOutcome.NotSimple;
        }

        var v = EvalSimple(frame, term);
        var holds = v is not null && v is not BooleanValue { Value: false };
        return holds != negated ? SimpleOutcome.Held : SimpleOutcome.Failed;
    }

    private static bool IsSimpleOutput(Term term) => term.Constant is not null || term is VarTerm { Slot: >= 0 };

    private bool UnifySimpleOutput(Value?[] frame, Term term, Value value)
    {
        if (term.Constant is not null)
        {
            return term.Constant.Equals(value);
        }

        var slot = ((VarTerm)term).Slot;
        if (frame[slot] is { } current)
        {
            return current.Equals(value);
        }

        Bind(frame, slot, value);
        return true;
    }

    private SimpleOutcome EvalSimpleUnify(Value?[] frame, Term left, Term right)
    {
        // The general path evaluates the right side when it can, else the left, then unifies the
        // other side with the value; here the other side must be a local or a constant. A single-valued
        // side is always evaluable, so the common `x := <single value>` needs no evaluability check.
        if (IsSimpleOutput(left) && IsSimple(frame, right))
        {
            var direct = EvalSimple(frame, right);
            return direct is not null && UnifySimpleOutput(frame, left, direct) ? SimpleOutcome.Held : SimpleOutcome.Failed;
        }

        if (IsEvaluable(frame, right))
        {
            // Evaluable but not a single value into a local or constant (handled above): the general path.
            return SimpleOutcome.NotSimple;
        }

        if (IsEvaluable(frame, left) && IsSimpleOutput(right) && IsSimple(frame, left))
        {
            var value = EvalSimple(frame, left);
            return value is not null && UnifySimpleOutput(frame, right, value) ? SimpleOutcome.Held : SimpleOutcome.Failed;
        }

        return SimpleOutcome.NotSimple;
    }
}
