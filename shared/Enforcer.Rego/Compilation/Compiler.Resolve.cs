using Enforcer.Rego.Ast;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Compilation;

// Name resolution and slot assignment.
internal sealed partial class Compiler
{
    private void CompileRule(Module module, Rule rule)
    {
        var slots = new SlotAllocator();
        var scope = new Scope(null, slots);
        var argSlots = new HashSet<int>();
        if (rule.Args is not null)
        {
            foreach (var arg in rule.Args)
            {
                foreach (var v in PatternVars(arg))
                {
                    if (!scope.Vars.ContainsKey(v.Name))
                    {
                        scope.Declare(v.Name);
                    }
                }
            }

            for (var i = 0; i < rule.Args.Length; i++)
            {
                rule.Args[i] = ResolveTerm(rule.Args[i], module, scope, []);
                foreach (var v in PatternVars(rule.Args[i]))
                {
                    argSlots.Add(v.Slot);
                }
            }
        }

        for (var r = rule; r is not null; r = r.Else)
        {
            var deferred = new List<(object Closure, Scope Scope)>();
            DeclareBody(r.Body, scope);
            ResolveBody(r.Body, module, scope, deferred);
            if (r.Value is not null)
            {
                r.Value = ResolveTerm(r.Value, module, scope, deferred);
            }

            var keys = r.DynamicKeys;
            if (r == rule)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = ResolveTerm(keys[i], module, scope, deferred);
                }
            }

            ProcessClosures(deferred, module);
        }

        rule.FrameSize = slots.Count;
        for (var r = rule.Else; r is not null; r = r.Else)
        {
            r.FrameSize = slots.Count;
        }

        // Order each body so variables are bound before use, then check the head is safe.
        for (var r = rule; r is not null; r = r.Else)
        {
            var bound = new HashSet<int>(argSlots);
            if (!OrderBody(r.Body, bound, slots))
            {
                return;
            }

            CheckHeadSafe(r, bound, slots);
        }
    }

    /// <summary>Compiles a query as a pseudo-rule body; returns the frame size and the visible variable slots.</summary>
    public (int FrameSize, List<(string Name, int Slot)> Vars) CompileQuery(Body body, Module module)
    {
        var slots = new SlotAllocator();
        var scope = new Scope(null, slots);
        var deferred = new List<(object, Scope)>();
        DeclareBody(body, scope);
        ResolveBody(body, module, scope, deferred);
        ProcessClosures(deferred, module);
        if (_diagnostics.Count == 0)
        {
            OrderBody(body, [], slots);
        }

        var vars = scope.Vars
            .Where(kv => !kv.Key.StartsWith('$') && !kv.Key.StartsWith("__", StringComparison.Ordinal))
            .Select(kv => (kv.Key, kv.Value))
            .OrderBy(kv => kv.Value)
            .ToList();
        return (slots.Count, vars);
    }

    private void ProcessClosures(List<(object Closure, Scope Scope)> deferred, Module module)
    {
        for (var i = 0; i < deferred.Count; i++)
        {
            var (closure, holder) = deferred[i];

            // Closures found in a body literal come wrapped in a scope that records their position.
            var child = holder.Parent is not null && holder.Vars.Count == 0 && holder.ParentPosition != int.MaxValue
                ? holder
                : new Scope(holder, holder.Slots);
            var parent = child.Parent!;
            var nested = new List<(object, Scope)>();
            if (closure is ComprehensionTerm comprehension)
            {
                DeclareBody(comprehension.Body, child);
                ResolveBody(comprehension.Body, module, child, nested);
                if (comprehension.Key is not null)
                {
                    comprehension.Key = ResolveTerm(comprehension.Key, module, child, nested);
                }

                comprehension.Value = ResolveTerm(comprehension.Value, module, child, nested);
                ProcessClosures(nested, module);
                comprehension.Captured = [.. child.Captured];
            }
            else if (closure is EveryLiteral every)
            {
                if (every.Key is not null)
                {
                    foreach (var v in PatternVars(every.Key))
                    {
                        child.Declare(v.Name);
                    }

                    every.Key = ResolveTerm(every.Key, module, child, nested);
                }

                foreach (var v in PatternVars(every.Value))
                {
                    child.Declare(v.Name);
                }

                every.Value = ResolveTerm(every.Value, module, child, nested);
                DeclareBody(every.Body, child);
                ResolveBody(every.Body, module, child, nested);
                ProcessClosures(nested, module);
                every.Captured = [.. child.Captured];
            }

            // Captures of a nested scope that come from further out are captures of the parent too.
            foreach (var slot in child.Captured)
            {
                if (!parent.Vars.ContainsValue(slot))
                {
                    parent.Captured.Add(slot);
                }
            }
        }
    }

    /// <summary>Declares variables introduced by <c>some</c>, <c>:=</c> and <c>some ... in</c> in this body.</summary>
    private void DeclareBody(Body body, Scope scope)
    {
        for (var index = 0; index < body.Literals.Length; index++)
        {
            var literal = body.Literals[index];
            var before = new HashSet<string>(scope.Vars.Keys, StringComparer.Ordinal);
            DeclareLiteral(literal, scope);
            foreach (var name in scope.Vars.Keys)
            {
                if (!before.Contains(name))
                {
                    scope.DeclaredAt[name] = index;
                }
            }
        }
    }

    private void DeclareLiteral(Literal literal, Scope scope)
    {
        {
            switch (literal)
            {
                case SomeDeclLiteral some:
                    foreach (var v in some.Vars)
                    {
                        scope.Declare(v.Name);
                    }

                    break;
                case SomeInLiteral someIn:
                    if (someIn.Key is not null)
                    {
                        foreach (var v in PatternVars(someIn.Key))
                        {
                            scope.Declare(v.Name);
                        }
                    }

                    foreach (var v in PatternVars(someIn.Value))
                    {
                        scope.Declare(v.Name);
                    }

                    break;
                case UnifyLiteral { IsAssign: true } assign:
                    foreach (var v in PatternVars(assign.Left))
                    {
                        if (v.IsWildcard)
                        {
                            continue;
                        }

                        if (!scope.Assigned.Add(v.Name) || (scope.Vars.ContainsKey(v.Name) && scope.Parent is null && IsArgOrSome(scope, v.Name)))
                        {
                            Error("rego_compile_error", $"var {v.Name} assigned above", v.Span);
                            continue;
                        }

                        scope.Declare(v.Name);
                    }

                    break;
            }
        }
    }

    private static bool IsArgOrSome(Scope scope, string name) => false && scope.Vars.ContainsKey(name);

    /// <summary>Variables in pattern positions (not inside refs or calls).</summary>
    internal static IEnumerable<VarTerm> PatternVars(Term term)
    {
        switch (term)
        {
            case VarTerm v:
                yield return v;
                break;
            case ArrayTerm a:
                foreach (var item in a.Items)
                {
                    foreach (var v in PatternVars(item))
                    {
                        yield return v;
                    }
                }

                break;
            case ObjectTerm o:
                foreach (var (_, value) in o.Entries)
                {
                    foreach (var v in PatternVars(value))
                    {
                        yield return v;
                    }
                }

                break;
        }
    }

    private void ResolveBody(Body body, Module module, Scope scope, List<(object, Scope)> deferred)
    {
        for (var index = 0; index < body.Literals.Length; index++)
        {
            var literal = body.Literals[index];
            var deferredBefore = deferred.Count;
            switch (literal)
            {
                case TermLiteral t:
                    t.Term = ResolveTerm(t.Term, module, scope, deferred);
                    break;
                case UnifyLiteral u:
                    u.Left = ResolveTerm(u.Left, module, scope, deferred);
                    u.Right = ResolveTerm(u.Right, module, scope, deferred);
                    break;
                case SomeDeclLiteral some:
                    foreach (var v in some.Vars)
                    {
                        v.Slot = scope.Vars[v.Name];
                    }

                    break;
                case SomeInLiteral someIn:
                    if (someIn.Key is not null)
                    {
                        someIn.Key = ResolveTerm(someIn.Key, module, scope, deferred);
                    }

                    someIn.Value = ResolveTerm(someIn.Value, module, scope, deferred);
                    someIn.Collection = ResolveTerm(someIn.Collection, module, scope, deferred);
                    break;
                case EveryLiteral every:
                    every.Domain = ResolveTerm(every.Domain, module, scope, deferred);
                    deferred.Add((every, scope));
                    break;
            }

            foreach (var with in literal.With)
            {
                ResolveWith(with, module, scope, deferred);
            }

            for (var d = deferredBefore; d < deferred.Count; d++)
            {
                deferred[d] = (deferred[d].Item1, new Scope(scope, scope.Slots) { ParentPosition = index });
            }
        }
    }

    private void ResolveWith(WithModifier with, Module module, Scope scope, List<(object, Scope)> deferred)
    {
        var target = with.Target;
        var head = target is RefTerm r ? r.Head : target;
        var rest = target is RefTerm rr ? rr.Path : [];
        if (head is VarTerm { Name: "input" } || head is VarTerm { Name: "data" })
        {
            var segments = new List<string>();
            foreach (var p in rest)
            {
                if (p is ScalarTerm { Value: StringValue s })
                {
                    segments.Add(s.Value);
                }
                else
                {
                    Error("rego_compile_error", "with keyword target must be a constant reference", with.Span);
                    return;
                }
            }

            with.TargetsInput = ((VarTerm)head).Name == "input";
            with.Path = [.. segments];
            if (!with.TargetsInput && _functionNames.Contains(string.Join('.', ["data", .. segments])))
            {
                with.Path = null;
                with.FunctionName = string.Join('.', ["data", .. segments]);
            }
        }
        else
        {
            var name = CallNameOf(target);
            if (name is null)
            {
                Error("rego_compile_error", "with keyword target must reference existing input, data, or a function", with.Span);
                return;
            }

            if (TryResolveUserFunction(name, module, out var fpath))
            {
                with.FunctionName = string.Join('.', ["data", .. fpath]);
            }
            else if (_builtins.Contains(name))
            {
                with.FunctionName = name;
            }
            else if (head is VarTerm hv && (IsPackageRule(module, hv.Name) || TryImport(module, hv.Name, out _, out _)))
            {
                // A data reference through a rule name or import: rewrite to data.
                var resolved = ResolveTerm(target, module, scope, deferred);
                if (resolved is RefTerm { Root: RefRoot.Data or RefRoot.Input } dataRef && dataRef.StaticPrefixLength == dataRef.Path.Length)
                {
                    with.TargetsInput = dataRef.Root == RefRoot.Input;
                    with.Path = dataRef.Path.Select(p => ((StringValue)((ScalarTerm)p).Value).Value).ToArray();
                }
                else
                {
                    Error("rego_compile_error", "with keyword target must reference existing input, data, or a function", with.Span);
                    return;
                }
            }
            else
            {
                Error("rego_compile_error", $"with keyword target must reference existing input, data, or a function", with.Span);
                return;
            }
        }

        if (with.FunctionName is not null)
        {
            var replacement = CallNameOf(with.Value);
            if (replacement is not null)
            {
                if (TryResolveUserFunction(replacement, module, out var rpath))
                {
                    with.ReplacementFunction = string.Join('.', ["data", .. rpath]);
                    return;
                }

                if (_builtins.Contains(replacement) && !(with.Value is VarTerm vt && scope.TryLookup(vt.Name, out _)))
                {
                    with.ReplacementFunction = replacement;
                    return;
                }
            }
        }

        with.Value = ResolveTerm(with.Value, module, scope, deferred);
    }

    private static string? CallNameOf(Term term)
    {
        if (term is VarTerm v)
        {
            return v.Name;
        }

        if (term is RefTerm r && r.Head is VarTerm head && r.Path.All(p => p is ScalarTerm { Value: StringValue }))
        {
            return string.Join('.', [head.Name, .. r.Path.Select(p => ((StringValue)((ScalarTerm)p).Value).Value)]);
        }

        return null;
    }

    private Term ResolveTerm(Term term, Module module, Scope scope, List<(object, Scope)> deferred)
    {
        switch (term)
        {
            case ScalarTerm:
                term.Constant = ((ScalarTerm)term).Value;
                return term;
            case VarTerm v:
                return ResolveVar(v, [], module, scope, deferred);
            case RefTerm r:
                for (var i = 0; i < r.Path.Length; i++)
                {
                    r.Path[i] = ResolveTerm(r.Path[i], module, scope, deferred);
                }

                if (r.Head is VarTerm hv)
                {
                    return ResolveVar(hv, r.Path, module, scope, deferred, r.Span);
                }

                r.Head = ResolveTerm(r.Head, module, scope, deferred);
                return r;
            case ArrayTerm a:
                for (var i = 0; i < a.Items.Length; i++)
                {
                    a.Items[i] = ResolveTerm(a.Items[i], module, scope, deferred);
                }

                if (a.Items.All(i => i.Constant is not null))
                {
                    a.Constant = new ArrayValue(a.Items.Select(i => i.Constant!).ToArray());
                }

                return a;
            case SetTerm s:
                for (var i = 0; i < s.Items.Length; i++)
                {
                    s.Items[i] = ResolveTerm(s.Items[i], module, scope, deferred);
                }

                if (s.Items.All(i => i.Constant is not null))
                {
                    s.Constant = SetValue.Create(s.Items.Select(i => i.Constant!));
                }

                return s;
            case ObjectTerm o:
                for (var i = 0; i < o.Entries.Length; i++)
                {
                    o.Entries[i] = (ResolveTerm(o.Entries[i].Key, module, scope, deferred), ResolveTerm(o.Entries[i].Value, module, scope, deferred));
                }

                if (o.Entries.All(e => e.Key.Constant is not null && e.Value.Constant is not null))
                {
                    o.Constant = ObjectValue.Create(o.Entries.Select(e => new KeyValuePair<Value, Value>(e.Key.Constant!, e.Value.Constant!)));
                }

                return o;
            case ComprehensionTerm c:
                deferred.Add((c, scope));
                return c;
            case CallTerm call:
                for (var i = 0; i < call.Args.Length; i++)
                {
                    call.Args[i] = ResolveTerm(call.Args[i], module, scope, deferred);
                }

                ResolveCall(call, module, scope);
                return call;
            default:
                return term;
        }
    }

    private Term ResolveVar(VarTerm v, Term[] path, Module module, Scope scope, List<(object, Scope)> deferred, SourceSpan? refSpan = null)
    {
        _ = deferred;
        var span = refSpan ?? v.Span;
        if (scope.TryLookup(v.Name, out var slot))
        {
            v.Slot = slot;
            return path.Length == 0 ? v : new RefTerm(span, v, path);
        }

        RefRoot root;
        Term[] prefix;
        if (v.Name == "data")
        {
            root = RefRoot.Data;
            prefix = [];
        }
        else if (v.Name == "input")
        {
            root = RefRoot.Input;
            prefix = [];
        }
        else if (IsPackageRule(module, v.Name))
        {
            root = RefRoot.Data;
            prefix = [.. PackagePath(module).Select(p => (Term)new ScalarTerm(v.Span, new StringValue(p))), new ScalarTerm(v.Span, new StringValue(v.Name))];
        }
        else if (TryImport(module, v.Name, out var importRoot, out var importPath))
        {
            root = importRoot;
            prefix = [.. importPath.Select(p => (Term)new ScalarTerm(v.Span, new StringValue(p)))];
        }
        else
        {
            v.Slot = scope.Declare(v.Name);
            return path.Length == 0 ? v : new RefTerm(span, v, path);
        }

        Term[] fullPath = [.. prefix, .. path];
        var staticPrefix = 0;
        while (staticPrefix < fullPath.Length && fullPath[staticPrefix] is ScalarTerm { Value: StringValue })
        {
            staticPrefix++;
        }

        return new RefTerm(span, new VarTerm(v.Span, root == RefRoot.Data ? "data" : "input"), fullPath)
        {
            Root = root,
            StaticPrefixLength = staticPrefix,
        };
    }
}
