using System.Collections.Concurrent;
using Enforcer.Rego.Ast;
using Enforcer.Rego.Diagnostics;
using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Parsing;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Compilation;

/// <summary>
/// Compiled policies. Immutable and safe to evaluate from many threads at once; each evaluation gets
/// its own input, data, options and cancellation token.
/// </summary>
public sealed class CompiledPolicySet
{
    private readonly PolicyProgram _program;
    private readonly Compiler _compiler;
    private readonly ConcurrentDictionary<string, object> _queries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _paths = new(StringComparer.Ordinal);
    private readonly Lock _compileLock = new();

    internal CompiledPolicySet(PolicyProgram program, Compiler compiler, IReadOnlyList<Module> modules, RegoOptions options)
    {
        _program = program;
        _compiler = compiler;
        Packages = modules.Select(m => "data." + string.Join('.', Compiler.PackagePath(m))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Modules = modules;
        Options = options;
    }

    /// <summary>Package paths defined, e.g. <c>data.gcs.bucket</c>.</summary>
    public IReadOnlyList<string> Packages { get; }

    internal IReadOnlyList<Module> Modules { get; }

    public RegoOptions Options { get; }

    /// <summary>Rule names (as data paths) under a package, e.g. for test discovery.</summary>
    public IReadOnlyList<string> RuleNames(string package)
    {
        var node = _program.Root;
        foreach (var segment in package.Split('.').SkipWhile(s => s == "data"))
        {
            if (!node.Children.TryGetValue(segment, out node!))
            {
                return [];
            }
        }

        return node.Children.Where(c => c.Value.Rules.Count > 0 || c.Value.Default is not null).Select(c => c.Key).ToArray();
    }

    /// <summary>Evaluates a query (e.g. <c>x := data.gcs.deny</c>) and returns one binding set per solution.</summary>
    public EvalResult Evaluate(string query, Value? input = null, Value? data = null, EvalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var compiled = PrepareQuery(query);
        if (compiled is RegoError error)
        {
            return EvalResult.FromError(error);
        }

        var evaluator = Evaluator.Rent(_program, input, data, options ?? EvalOptions.Default, cancellationToken);
        try
        {
            return EvalResult.FromBindings(evaluator.RunQuery((CompiledQuery)compiled));
        }
        catch (EvalException ex)
        {
            return EvalResult.FromError(ex.ToError());
        }
        catch (InsufficientExecutionStackException)
        {
            return EvalResult.FromError(new RegoError("eval_limit_error", "evaluation exceeded the stack depth", null));
        }
        finally
        {
            Evaluator.Return(evaluator);
        }
    }

    /// <summary>Evaluates the document at a path such as <c>data.gcs.deny</c> or <c>gcs/deny</c>; Undefined gives a null value.</summary>
    public EvalResult EvaluatePath(string path, Value? input = null, Value? data = null, EvalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = PathSegments(path);

        var evaluator = Evaluator.Rent(_program, input, data, options ?? EvalOptions.Default, cancellationToken);
        try
        {
            return EvalResult.FromValue(evaluator.EvaluatePath(segments));
        }
        catch (EvalException ex)
        {
            return EvalResult.FromError(ex.ToError());
        }
        catch (InsufficientExecutionStackException)
        {
            return EvalResult.FromError(new RegoError("eval_limit_error", "evaluation exceeded the stack depth", null));
        }
        finally
        {
            Evaluator.Return(evaluator);
        }
    }

    private string[] PathSegments(string path)
    {
        if (_paths.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var segments = path.Split('.', '/').Where(s => s.Length > 0).ToArray();
        if (segments.Length > 0 && segments[0] == "data")
        {
            segments = segments[1..];
        }

        if (_paths.Count < 1024)
        {
            _paths.TryAdd(path, segments);
        }

        return segments;
    }

    private object PrepareQuery(string query)
    {
        if (_queries.TryGetValue(query, out var cached))
        {
            return cached;
        }

        object result;
        lock (_compileLock)
        {
            var diagnostics = new List<Diagnostic>();
            var body = Parser.ParseQuery(query, RegoVersion.V1, diagnostics);
            if (body is null)
            {
                var d = diagnostics[0];
                result = new RegoError(d.Code, d.Message, d.Span);
            }
            else
            {
                var module = new Module("query", query) { Package = ["data"], IsV1 = true };
                var before = _compiler.Diagnostics.Count;
                var (frameSize, vars) = _compiler.CompileQuery(body, module);
                if (_compiler.Diagnostics.Count > before)
                {
                    var d = _compiler.Diagnostics[before];
                    _compiler.Diagnostics.RemoveRange(before, _compiler.Diagnostics.Count - before);
                    result = new RegoError(d.Code, d.Message, d.Span);
                }
                else
                {
                    result = new CompiledQuery(body, frameSize, vars);
                }
            }
        }

        if (_queries.Count < 1024)
        {
            _queries.TryAdd(query, result);
        }

        return result;
    }
}
