using Enforcer.Rego.Compilation;
using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Parsing;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Conformance;

/// <summary>Runs OPA conformance cases against the embedded engine and reports pass/fail per area.</summary>
public static class ConformanceRunner
{
    /// <summary>Areas outside this engine's scope, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> OutOfScopeAreas { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["graphql"] = "GraphQL builtins are out of scope for this product",
        ["jwt"] = "JWT/JWS builtins are out of scope (no token handling in policies)",
        ["cryptox509"] = "X.509 parsing builtins are out of scope",
        ["providers-aws"] = "AWS request signing is out of scope (GCP product)",
        ["planner-ir"] = "OPA's planner/IR is an OPA internals test, not language semantics",
        ["logic_operators"] = "out of scope by decision (OPA internals)",
        ["uuid"] = "uuid.rfc4122 is non-hermetic (random)",
        ["jsonschema"] = "JSON Schema builtins are out of scope",
        ["rendertemplate"] = "strings.render_template is out of scope",
        ["regoparsemodule"] = "rego.parse_module (OPA AST output) is out of scope",
        ["regometadata"] = "rego.metadata.* (annotations) are out of scope",
    };

    /// <summary>Builtins whose results depend on the environment; cases using them are skipped.</summary>
    public static IReadOnlyList<string> NonHermeticBuiltins { get; } = ["http.send", "rand.", "uuid.", "net.lookup_ip_addr", "opa.runtime"];

    /// <summary>The conformance folder from OPA_CONFORMANCE_DIR, or ../shared/opa-conformance beside the repository.</summary>
    public static string? FindDirectory(string? repositoryRoot = null)
    {
        var fromEnv = Environment.GetEnvironmentVariable("OPA_CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        var root = repositoryRoot ?? FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null)
        {
            return null;
        }

        var candidate = Path.GetFullPath(Path.Combine(root, "..", "shared", "opa-conformance"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>Walks up from a directory to the one holding Serverless.sln.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Runs every case under <c>dir/v1</c> (or <c>dir/v0</c>); <paramref name="dir"/> may also point at the version folder itself.</summary>
    public static ConformanceReport Run(string dir, ConformanceOptions? options = null)
    {
        options ??= new ConformanceOptions();
        var versionDir = Path.Combine(dir, options.V0 ? "v0" : "v1");
        if (!Directory.Exists(versionDir))
        {
            versionDir = dir;
        }

        var results = new List<CaseResult>();
        foreach (var areaDir in Directory.GetDirectories(versionDir).Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileName(areaDir);
            if (options.AreaFilter is not null && !area.StartsWith(options.AreaFilter, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(areaDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                IEnumerable<ConformanceCase> cases;
                try
                {
                    cases = CaseLoader.LoadFile(file, area).ToList();
                }
                catch (YamlDotNet.Core.YamlException ex)
                {
                    results.Add(new CaseResult(Path.GetFileName(file), area, file, CaseOutcome.Failed, "unreadable YAML: " + ex.Message));
                    continue;
                }

                foreach (var c in cases)
                {
                    results.Add(RunCase(c, options));
                }
            }
        }

        return new ConformanceReport(results);
    }

    /// <summary>Runs a single case.</summary>
    public static CaseResult RunCase(ConformanceCase c, ConformanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(options);
        var skip = SkipReason(c);
        if (skip is not null)
        {
            return Result(CaseOutcome.Skipped, skip);
        }

        var version = options.V0 ? RegoVersion.V0 : RegoVersion.V1;
        var files = c.Modules.Select((source, i) => ($"test-{i}.rego", source));
        var compiled = RegoCompiler.Compile(files, new RegoOptions { Version = version });
        if (!compiled.Success)
        {
            return Result(CaseOutcome.Failed, "compile: " + compiled.FormatDiagnostics());
        }

        var set = compiled.PolicySet!;
        var input = c.Input;
        if (c.InputTerm is not null)
        {
            var term = set.Evaluate("input_term_value = " + c.InputTerm);
            if (term.IsError || term.Bindings.Count != 1)
            {
                return Result(CaseOutcome.Failed, "input_term: " + (term.Error?.ToString() ?? "undefined"));
            }

            input = term.Bindings[0]["input_term_value"];
        }

        var evalOptions = new EvalOptions
        {
            StrictBuiltinErrors = c.StrictError,
            Limits = EvalLimits.Default with { MaxDuration = options.CaseTimeout },
        };
        EvalResult result;
        try
        {
            result = set.Evaluate(c.Query, input, c.Data, evalOptions);
        }
#pragma warning disable CA1031 // An engine crash is a failed case, reported, not a crashed runner.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Result(CaseOutcome.Failed, "crash: " + ex);
        }

        if (c.WantErrorCode is not null || c.WantError is not null)
        {
            if (result.Error is null)
            {
                return Result(CaseOutcome.Failed, $"expected error {c.WantErrorCode} '{c.WantError}', got {Describe(result)}");
            }

            if (c.WantErrorCode is not null && result.Error.Code != c.WantErrorCode)
            {
                return Result(CaseOutcome.Failed, $"expected error code {c.WantErrorCode}, got {result.Error}");
            }

            if (!string.IsNullOrEmpty(c.WantError) && !result.Error.ToString().Contains(c.WantError, StringComparison.Ordinal))
            {
                return Result(CaseOutcome.Failed, $"expected error containing '{c.WantError}', got '{result.Error}'");
            }

            return Result(CaseOutcome.Passed, null);
        }

        if (c.WantResult is null)
        {
            return Result(CaseOutcome.Failed, "case has no expectation");
        }

        if (result.Error is not null)
        {
            return Result(CaseOutcome.Failed, "unexpected error: " + result.Error);
        }

        var actual = result.Bindings.Select(b => ToObject(b, c.SortBindings)).ToList();
        var expected = c.WantResult.ToList();
        var actualSet = SetValue.Create(actual);
        var expectedSet = SetValue.Create(expected);
        if (!actualSet.Equals(expectedSet))
        {
            return Result(CaseOutcome.Failed, $"want {expectedSet} got {actualSet}");
        }

        return Result(CaseOutcome.Passed, null);

        CaseResult Result(CaseOutcome outcome, string? detail) => new(c.Note, c.Area, c.File, outcome, detail);
    }

    private static string Describe(EvalResult result) =>
        result.Error?.ToString() ?? (result.Bindings.Count == 0 ? "undefined" : string.Join(", ", result.Bindings.Select(b => ToObject(b, false).ToString())));

    // Results are compared as JSON, the way OPA's harness does: sets become arrays, keys become strings.
    private static ObjectValue ToObject(IReadOnlyDictionary<string, Value> bindings, bool sortArrays) =>
        ObjectValue.Create(bindings.Select(kv => new KeyValuePair<Value, Value>(
            new StringValue(kv.Key),
            SortIf(sortArrays, AsJson(kv.Value)))));

    private static Value SortIf(bool sort, Value value) =>
        sort && value is ArrayValue a ? new ArrayValue(a.Order(ValueComparer.Instance).ToArray()) : value;

    private static Value AsJson(Value value) => RegoJson.Parse(value.ToJson());

    /// <summary>Why a case is skipped, or null when it runs.</summary>
    public static string? SkipReason(ConformanceCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        foreach (var (prefix, reason) in OutOfScopeAreas)
        {
            if (c.Area.StartsWith(prefix, StringComparison.Ordinal))
            {
                return reason;
            }
        }

        var text = c.Query + "\n" + string.Join("\n", c.Modules);
        foreach (var builtin in NonHermeticBuiltins)
        {
            if (text.Contains(builtin, StringComparison.Ordinal))
            {
                return $"uses non-hermetic builtin {builtin.TrimEnd('.')}";
            }
        }

        return null;
    }
}
