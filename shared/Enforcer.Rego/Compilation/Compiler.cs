using Enforcer.Rego.Ast;
using Enforcer.Rego.Builtins;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Parsing;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Compilation;

/// <summary>
/// Turns parsed modules into an evaluable tree: builds the rule tree, resolves names (rules, imports,
/// builtins, locals), assigns variable slots, orders body literals so every variable is bound before use
/// (reporting unsafe variables), and rejects recursion and static rule conflicts.
/// </summary>
internal sealed partial class Compiler
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly BuiltinTable _builtins;
    private readonly RuleTreeNode _root = new([]);
    private readonly Dictionary<string, HashSet<string>> _packageRuleNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _functionNames = new(StringComparer.Ordinal);

    public Compiler(BuiltinTable builtins)
    {
        _builtins = builtins;
    }

    public List<Diagnostic> Diagnostics => _diagnostics;

    public RuleTreeNode Root => _root;

    public BuiltinTable Builtins => _builtins;

    public IReadOnlyDictionary<string, string> Sources => _sources;

    public void Error(string code, string message, SourceSpan span)
    {
        _sources.TryGetValue(span.File, out var source);
        _diagnostics.Add(new Diagnostic(code, message, span, source is null ? null : Parser.LineOf(source, span)));
    }

    /// <summary>Compiles modules into the rule tree; diagnostics collect any errors.</summary>
    public void CompileModules(List<Module> modules)
    {
        foreach (var module in modules)
        {
            _sources[module.File] = module.Source;
        }

        foreach (var module in modules)
        {
            var key = string.Join('.', module.Package);
            if (!_packageRuleNames.TryGetValue(key, out var names))
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                _packageRuleNames[key] = names;
            }

            foreach (var rule in module.Rules)
            {
                names.Add(((VarTerm)rule.HeadPath[0]).Name);
                AddToTree(module, rule);
            }

            // A package exists as a document (an empty object) even when none of its rules is defined.
            var packageNode = _root;
            packageNode.HasRules = true;
            foreach (var segment in PackagePath(module))
            {
                packageNode = packageNode.GetOrAdd(segment);
                packageNode.HasRules = true;
            }
        }

        CheckTreeConflicts(_root);
        if (_diagnostics.Count > 0)
        {
            return;
        }

        foreach (var module in modules)
        {
            foreach (var rule in module.Rules)
            {
                CompileRule(module, rule);
            }
        }

        if (_diagnostics.Count == 0)
        {
            CheckRecursion(modules);
        }
    }

    private void AddToTree(Module module, Rule rule)
    {
        var path = new List<string>(module.Package.Skip(1));
        if (module.Package.Length == 0 || module.Package[0] != "data")
        {
            path = [.. module.Package];
        }

        path.Add(((VarTerm)rule.HeadPath[0]).Name);
        var dynamicStart = rule.HeadPath.Length;
        for (var i = 1; i < rule.HeadPath.Length; i++)
        {
            if (rule.HeadPath[i] is ScalarTerm { Value: StringValue s })
            {
                path.Add(s.Value);
            }
            else
            {
                dynamicStart = i;
                break;
            }
        }

        rule.Path = [.. path];
        rule.DynamicKeys = rule.HeadPath[dynamicStart..];
        for (var r = rule.Else; r is not null; r = r.Else)
        {
            r.Path = rule.Path;
            r.DynamicKeys = rule.DynamicKeys;
            r.Module = module;
        }

        if (rule.Kind == RuleKind.SingleValue && rule.DynamicKeys.Length == 0 && rule.HeadPath.Length > 1 && dynamicStart == rule.HeadPath.Length &&
            rule.Value is null && !module.IsV1 && rule.HeadPath[^1] is ScalarTerm)
        {
            // v0 `p["a"] { }` stays a complete rule at p.a with value true.
        }

        var node = _root;
        node.HasRules = true;
        foreach (var segment in rule.Path)
        {
            node = node.GetOrAdd(segment);
            node.HasRules = true;
        }

        if (rule.Kind == RuleKind.Function)
        {
            node.IsFunction = true;
            _functionNames.Add(string.Join('.', ["data", .. rule.Path]));
        }

        if (rule.DynamicKeys.Length > 0 || rule.Kind == RuleKind.MultiValue)
        {
            node.HasDynamicRules = true;
        }

        if (rule.IsDefault)
        {
            if (node.Default is not null)
            {
                Error("rego_type_error", $"multiple default rules {node.PathText} found", rule.Span);
                return;
            }

            node.Default = rule;
            return;
        }

        node.Rules.Add(rule);
    }

    private void CheckTreeConflicts(RuleTreeNode node)
    {
        var all = node.Default is null ? node.Rules : [.. node.Rules, node.Default];
        if (all.Count > 0)
        {
            var functions = all.Count(r => r.Kind == RuleKind.Function);
            if (functions > 0 && functions != all.Count)
            {
                Error("rego_type_error", $"conflicting rules {node.PathText} found", all[0].Span);
            }
            else if (functions > 0 && all.Select(r => r.Args!.Length).Distinct().Count() > 1)
            {
                Error("rego_type_error", $"conflicting rules {node.PathText} found", all[0].Span);
            }
            else
            {
                var multi = all.Count(r => r.Kind == RuleKind.MultiValue);
                var single = all.Count(r => r.Kind == RuleKind.SingleValue && r.DynamicKeys.Length == 0 && !r.IsDefault);
                if (multi > 0 && single > 0 && all.Where(r => r.Kind == RuleKind.MultiValue).All(r => r.DynamicKeys.Length == 0))
                {
                    Error("rego_type_error", $"conflicting rules {node.PathText} found", all[0].Span);
                }
            }
        }

        foreach (var child in node.Children.Values)
        {
            CheckTreeConflicts(child);
        }
    }

    /// <summary>The data path of a package, without the leading "data".</summary>
    internal static string[] PackagePath(Module module) =>
        module.Package.Length > 0 && module.Package[0] == "data" ? module.Package[1..] : module.Package;

    private bool IsPackageRule(Module module, string name) =>
        _packageRuleNames.TryGetValue(string.Join('.', module.Package), out var names) && names.Contains(name);

    /// <summary>Resolves a function call name to a builtin or a user function path.</summary>
    private void ResolveCall(CallTerm call, Module module, Scope scope)
    {
        var name = call.Name;
        if (name.StartsWith("internal.member_", StringComparison.Ordinal) || !TryResolveUserFunction(name, module, out var path))
        {
            if (_builtins.TryGet(name, out var builtin))
            {
                if (call.Args.Length != builtin.Arity && call.Args.Length != builtin.Arity + 1 && builtin.Arity >= 0 && name != "print")
                {
                    Error("rego_type_error", $"{name}: arity mismatch: expected {builtin.Arity} arguments, got {call.Args.Length}", call.Span);
                }

                call.Builtin = builtin;
                return;
            }

            Error("rego_type_error", $"undefined function {name}", call.Span);
            return;
        }

        call.FunctionPath = path;
        _ = scope;
    }

    private bool TryResolveUserFunction(string name, Module module, out string[] path)
    {
        var parts = name.Split('.');
        path = [];
        string[] candidate;
        if (parts[0] == "data")
        {
            candidate = parts[1..];
        }
        else if (IsPackageRule(module, parts[0]))
        {
            candidate = [.. PackagePath(module), .. parts];
        }
        else if (TryImport(module, parts[0], out var importRoot, out var importPath) && importRoot == RefRoot.Data)
        {
            candidate = [.. importPath, .. parts[1..]];
        }
        else
        {
            return false;
        }

        if (_functionNames.Contains(string.Join('.', ["data", .. candidate])))
        {
            path = candidate;
            return true;
        }

        return false;
    }

    /// <summary>Finds an import whose alias (or last segment) is <paramref name="name"/>.</summary>
    private static bool TryImport(Module module, string name, out RefRoot root, out string[] path)
    {
        foreach (var import in module.Imports)
        {
            if (import.Path.Head is not VarTerm head || (head.Name != "data" && head.Name != "input"))
            {
                continue;
            }

            var segments = new List<string>();
            var ok = true;
            foreach (var p in import.Path.Path)
            {
                if (p is ScalarTerm { Value: StringValue s })
                {
                    segments.Add(s.Value);
                }
                else
                {
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            var alias = import.Alias ?? (segments.Count > 0 ? segments[^1] : head.Name);
            if (alias == name)
            {
                root = head.Name == "data" ? RefRoot.Data : RefRoot.Input;
                path = [.. segments];
                return true;
            }
        }

        root = RefRoot.Term;
        path = [];
        return false;
    }
}
