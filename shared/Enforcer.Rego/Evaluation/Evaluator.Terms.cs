using Enforcer.Rego.Ast;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

// Terms: scalars, variables, references (base and virtual documents), composites, calls, comprehensions.
internal sealed partial class Evaluator
{
    /// <summary>Enumerates the values of a term (several when refs iterate over unbound keys).</summary>
    private bool EvalTerm(Value?[] frame, Term term, Func<Value, bool> k)
    {
        if (term.Constant is not null)
        {
            return k(term.Constant);
        }

        if (term is not VarTerm && IsSimple(frame, term))
        {
            return EvalSimple(frame, term) is { } simple && k(simple);
        }

        switch (term)
        {
            case VarTerm v:
                return v.Slot >= 0 && frame[v.Slot] is { } bound && k(bound);
            case RefTerm r:
                return EvalRef(frame, r, k);
            case ArrayTerm or SetTerm or ObjectTerm:
                return EvalComposite(frame, term, k);
            case CallTerm call:
                return EvalCall(frame, call, k);
            case ComprehensionTerm c:
                return k(EvalComprehension(frame, c));
            default:
                return false;
        }
    }

    // Lambdas live in their own methods throughout the evaluator: a lambda that captures a parameter makes C# allocate
    // its closure on entry to the method, on the fast paths too.
    private bool EvalComposite(Value?[] frame, Term term, Func<Value, bool> k)
    {
        switch (term)
        {
            case ArrayTerm a:
                return EvalArgs(frame, a.Items, 0, new Value[a.Items.Length], values => k(new ArrayValue((Value[])values.Clone())));
            case SetTerm s:
                return EvalArgs(frame, s.Items, 0, new Value[s.Items.Length], values => k(SetValue.Create((Value[])values.Clone())));
            case ObjectTerm o:
                var flat = new Term[o.Entries.Length * 2];
                for (var i = 0; i < o.Entries.Length; i++)
                {
                    flat[2 * i] = o.Entries[i].Key;
                    flat[(2 * i) + 1] = o.Entries[i].Value;
                }

                return EvalArgs(frame, flat, 0, new Value[flat.Length], values =>
                {
                    var keys = new Value[o.Entries.Length];
                    var vals = new Value[o.Entries.Length];
                    for (var i = 0; i < keys.Length; i++)
                    {
                        keys[i] = values[2 * i];
                        vals[i] = values[(2 * i) + 1];
                    }

                    return k(ObjectValue.CreateOwned(keys, vals));
                });
            default:
                return false;
        }
    }

    /// <summary>Evaluates terms left to right into <paramref name="values"/>, enumerating combinations.</summary>
    private bool EvalArgs(Value?[] frame, Term[] terms, int index, Value[] values, Func<Value[], bool> k)
    {
        // Fast path: consecutive single-valued terms need no continuation.
        while (index < terms.Length)
        {
            var term = terms[index];
            if (term.Constant is not null)
            {
                values[index++] = term.Constant;
                continue;
            }

            if (term is VarTerm v && v.Slot >= 0)
            {
                if (frame[v.Slot] is not { } bound)
                {
                    return false;
                }

                values[index++] = bound;
                continue;
            }

            if (term is not VarTerm && IsSimple(frame, term))
            {
                if (EvalSimple(frame, term) is not { } simple)
                {
                    return false;
                }

                values[index++] = simple;
                continue;
            }

            break;
        }

        if (index == terms.Length)
        {
            return k(values);
        }

        return EvalArgsGeneral(frame, terms, index, values, k);
    }

    private bool EvalArgsGeneral(Value?[] frame, Term[] terms, int index, Value[] values, Func<Value[], bool> k) =>
        EvalTerm(frame, terms[index], value =>
        {
            values[index] = value;
            return EvalArgs(frame, terms, index + 1, values, k);
        });

    private bool EvalCall(Value?[] frame, CallTerm call, Func<Value, bool> k)
    {
        if (call.Name == "print")
        {
            EvalPrint(frame, call);
            return k(Value.True);
        }

        if (call.Name == "walk")
        {
            return call.Args.Length == 2
                ? EvalTerm(frame, call.Args[0], root => Walk(root, pair => UnifyValue(frame, call.Args[1], pair, () => k(Value.True))))
                : false;
        }

        return EvalArgs(frame, call.Args, 0, new Value[call.Args.Length], args =>
        {
            var result = InvokeCall(frame, call, args);
            return result is not null && k(result);
        });
    }

    private bool EvalRef(Value?[] frame, RefTerm r, Func<Value, bool> k)
    {
        switch (r.Root)
        {
            case RefRoot.Input:
                return _input is not null && WalkValue(frame, _input, r.Path, 0, k);
            case RefRoot.Data:
                var (node, index) = DataStart(r);
                return WalkData(frame, node, r.Path, index, k);
            default:
                return EvalRefHead(frame, r, k);
        }
    }

    private bool EvalRefHead(Value?[] frame, RefTerm r, Func<Value, bool> k) =>
        EvalTerm(frame, r.Head, head => WalkValue(frame, head, r.Path, 0, k));

    /// <summary>Follows a ref path through a value, enumerating keys where the path has unbound variables.</summary>
    private bool WalkValue(Value?[] frame, Value current, Term[] path, int index, Func<Value, bool> k, bool baseDocument = false)
    {
        while (index < path.Length)
        {
            var element = path[index];
            Value? key = element.Constant;
            if (key is null && element is VarTerm v && v.Slot >= 0)
            {
                key = frame[v.Slot];
                if (key is null)
                {
                    return EnumerateChildren(frame, current, element, path, index, k);
                }
            }

            if (key is null)
            {
                if (!IsEvaluable(frame, element))
                {
                    return EnumerateChildren(frame, current, element, path, index, k);
                }

                return WalkComputedKey(frame, current, element, path, index, k);
            }

            var next = Lookup(current, key);

            // Base documents are JSON with string keys only: an integer key also finds its decimal spelling.
            if (next is null && baseDocument && key is NumberValue { IsInteger: true } number && current is ObjectValue)
            {
                next = Lookup(current, new StringValue(number.ToString()));
            }

            if (next is null)
            {
                return false;
            }

            current = next;
            index++;
        }

        return k(current);
    }

    private bool WalkComputedKey(Value?[] frame, Value current, Term element, Term[] path, int index, Func<Value, bool> k) =>
        EvalTerm(frame, element, kv => Lookup(current, kv) is { } child && WalkValue(frame, child, path, index + 1, k));

    private bool EnumerateChildren(Value?[] frame, Value current, Term element, Term[] path, int index, Func<Value, bool> k)
    {
        // Iteration counts towards the step limit: one step per collection visited here and per element below.
        Step(element.Span);
        if (element is VarTerm { Slot: >= 0 } v && frame[v.Slot] is null)
        {
            return EnumerateIntoVar(frame, current, v.Slot, element, path, index, k);
        }

        return EnumerateByUnifying(frame, current, element, path, index, k);
    }

    private bool EnumerateByUnifying(Value?[] frame, Value current, Term element, Term[] path, int index, Func<Value, bool> k)
    {
        switch (current)
        {
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    Step(element.Span);
                    var child = o.Values[i];
                    if (UnifyValue(frame, element, o.Keys[i], () => WalkValue(frame, child, path, index + 1, k)))
                    {
                        return true;
                    }
                }

                return false;
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    Step(element.Span);
                    var child = a[i];
                    if (UnifyValue(frame, element, Value.From(i), () => WalkValue(frame, child, path, index + 1, k)))
                    {
                        return true;
                    }
                }

                return false;
            case SetValue s:
                foreach (var item in s.AsSpan())
                {
                    var child = item;
                    if (UnifyValue(frame, element, item, () => WalkValue(frame, child, path, index + 1, k)))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The common case of <see cref="EnumerateChildren"/>: the key is an unbound local, so each key is bound
    /// directly (what unifying it would do) without a continuation per element.
    /// </summary>
    private bool EnumerateIntoVar(Value?[] frame, Value current, int slot, Term element, Term[] path, int index, Func<Value, bool> k)
    {
        switch (current)
        {
            case ObjectValue o:
                for (var i = 0; i < o.Count; i++)
                {
                    Step(element.Span);
                    if (BindAndWalk(frame, slot, o.Keys[i], o.Values[i], path, index, k))
                    {
                        return true;
                    }
                }

                return false;
            case ArrayValue a:
                for (var i = 0; i < a.Count; i++)
                {
                    Step(element.Span);
                    if (BindAndWalk(frame, slot, Value.From(i), a[i], path, index, k))
                    {
                        return true;
                    }
                }

                return false;
            case SetValue s:
                foreach (var item in s.AsSpan())
                {
                    if (BindAndWalk(frame, slot, item, item, path, index, k))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool BindAndWalk(Value?[] frame, int slot, Value key, Value child, Term[] path, int index, Func<Value, bool> k)
    {
        var mark = Mark;
        Bind(frame, slot, key);
        var stop = WalkValue(frame, child, path, index + 1, k);
        Undo(mark);
        return stop;
    }

    private bool WalkDataComputedKey(Value?[] frame, RuleTreeNode node, Term element, Term[] path, int index, Func<Value, bool> k) =>
        EvalTerm(frame, element, kv => kv is StringValue ks && node.TryGetChild(ks.Value, out var c)
            ? WalkData(frame, c, path, index + 1, k)
            : WalkBaseFrom(frame, node, kv, path, index, k));

    /// <summary>Follows a data ref through the rule tree, switching to plain values at rules or base data.</summary>
    private bool WalkData(Value?[] frame, RuleTreeNode node, Term[] path, int index, Func<Value, bool> k)
    {
        while (true)
        {
            if (IsShadowed(node) || node.Rules.Count > 0 || node.Default is not null || node.IsFunction)
            {
                var value = NodeValue(node);
                return value is not null && WalkValue(frame, value, path, index, k);
            }

            if (index == path.Length)
            {
                var value = NodeValue(node);
                return value is not null && k(value);
            }

            var element = path[index];
            var key = element.Constant ?? (element is VarTerm v && v.Slot >= 0 ? frame[v.Slot] : null);
            if (key is null)
            {
                if (IsEvaluable(frame, element) && element is not VarTerm)
                {
                    return WalkDataComputedKey(frame, node, element, path, index, k);
                }

                // Enumerate the whole document at this node.
                var whole = NodeValue(node);
                return whole is not null && WalkValue(frame, whole, path, index, k);
            }

            if (key is StringValue s && node.TryGetChild(s.Value, out var child))
            {
                node = child;
                index++;
                continue;
            }

            return WalkBaseFrom(frame, node, key, path, index, k);
        }
    }

    private bool WalkBaseFrom(Value?[] frame, RuleTreeNode node, Value key, Term[] path, int index, Func<Value, bool> k)
    {
        var baseValue = BaseAt(node.Path);
        if (baseValue is null)
        {
            return false;
        }

        var child = Lookup(baseValue, key);

        // Base documents are JSON: an integer key also finds the object key spelled as that number.
        if (child is null && key is NumberValue { IsInteger: true } number && baseValue is ObjectValue)
        {
            child = Lookup(baseValue, new StringValue(number.ToString()));
        }

        return child is not null && WalkValue(frame, child, path, index + 1, k, baseDocument: true);
    }

    /// <summary>The base document (data given at evaluation, with `with` overrides applied) at a path.</summary>
    private Value? BaseAt(string[] path)
    {
        Value? current = _data;
        foreach (var segment in path)
        {
            if (current is not ObjectValue o || !o.TryGetValue(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private Value EvalComprehension(Value?[] frame, ComprehensionTerm c)
    {
        switch (c.Kind)
        {
            case ComprehensionKind.Array:
                var items = new List<Value>();
                EvalBody(frame, c.Body.Literals, 0, () => Collect(frame, c.Value, items));
                return new ArrayValue([.. items]);
            case ComprehensionKind.Set:
                var members = new List<Value>();
                EvalBody(frame, c.Body.Literals, 0, () => Collect(frame, c.Value, members));
                return SetValue.CreateOwned([.. members]);
            default:
                var entries = new Dictionary<Value, Value>();
                EvalBody(frame, c.Body.Literals, 0, () => EvalTerm(frame, c.Key!, key => EvalTerm(frame, c.Value, value =>
                {
                    if (entries.TryGetValue(key, out var existing) && !existing.Equals(value))
                    {
                        throw new EvalException("eval_conflict_error", "object keys must be unique", c.Span);
                    }

                    entries[key] = value;
                    return false;
                })));
                return ObjectValue.Create(entries);
        }
    }

    /// <summary>Adds every value of a term to a comprehension's result; never stops the enumeration.</summary>
    private bool Collect(Value?[] frame, Term term, List<Value> values)
    {
        if (IsSimple(frame, term))
        {
            if (EvalSimple(frame, term) is { } value)
            {
                values.Add(value);
            }

            return false;
        }

        return CollectAll(frame, term, values);
    }

    private bool CollectAll(Value?[] frame, Term term, List<Value> values)
    {
        EvalTerm(frame, term, v =>
        {
            values.Add(v);
            return false;
        });
        return false;
    }

    /// <summary>Calls a builtin or user function with evaluated arguments (honouring `with` mocks).</summary>
    private Value? InvokeCall(Value?[] frame, CallTerm call, Value[] args)
    {
        _ = frame;
        if (_mocks is not null)
        {
            var name = call.Builtin?.Name ?? (call.FunctionPath is null ? null : "data." + string.Join('.', call.FunctionPath));
            if (name is not null && _mocks.TryGetValue(name, out var mock))
            {
                if (mock.Value is not null)
                {
                    return mock.Value;
                }

                // The replacement runs without any mocks, so it calls originals (OPA's scoping).
                var saved = (_mocks, _cache);
                _mocks = null;

                _cache = [];
                try
                {
                    return InvokeMock(call, mock, args);
                }
                finally
                {
                    (_mocks, _cache) = saved;
                }
            }
        }

        if (call.Builtin is not null)
        {
            return InvokeBuiltin(call, call.Builtin, args);
        }

        if (ResolveFunction(call) is { } node)
        {
            return CallFunction(node, args, call);
        }

        return null;
    }

    private RuleTreeNode? ResolveFunction(CallTerm call)
    {
        if (call.FunctionNode is { } resolved)
        {
            return resolved;
        }

        if (call.FunctionPath is null)
        {
            return null;
        }

        var node = _program.FunctionNode(call.FunctionPath);
        call.FunctionNode = node;
        return node;
    }

    private Value? InvokeMock(CallTerm call, FunctionMock mock, Value[] args)
    {
        if (mock.Value is not null)
        {
            return mock.Value;
        }

        var target = mock.Function!;
        if (target.StartsWith("data.", StringComparison.Ordinal))
        {
            var node = _program.FunctionNode(target[5..].Split('.'));
            return node is null ? null : CallFunction(node, args, call);
        }

        return _program.Builtins.TryGet(target, out var builtin) ? InvokeBuiltin(call, builtin, args) : null;
    }

    private Value? InvokeBuiltin(CallTerm call, Builtins.BuiltinDefinition builtin, ReadOnlySpan<Value> args)
    {
        if (args.Length > builtin.Arity && builtin.Arity >= 0)
        {
            args = args[..builtin.Arity];
        }

        if (builtin.Name == "trace")
        {
            if (args.Length == 1 && args[0] is StringValue message)
            {
                _options.PrintSink?.Invoke(message.Value);
            }

            return Value.True;
        }

        var context = Context;
        context.BuiltinName = builtin.Name;
        Builtins.BuiltinResult result;
        try
        {
            result = builtin.Function(context, args);
        }
        catch (EvalException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw new EvalException("eval_cancel_error", "evaluation cancelled", call.Span);
        }
#pragma warning disable CA1031 // A faulty builtin must not crash the host: it becomes a builtin error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = Builtins.BuiltinResult.Fail($"{builtin.Name}: {ex.Message}");
        }

        if (result.Error is { } error)
        {
            if (_options.StrictBuiltinErrors || error.Halts)
            {
                throw new EvalException(error.Code, error.Message, call.Span);
            }

            return null;
        }

        return result.Value;
    }
}
