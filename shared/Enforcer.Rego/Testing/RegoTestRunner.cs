using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Evaluation;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Testing;

/// <summary>
/// Runs Rego unit tests like <c>opa test</c>: loads every <c>.rego</c> file and every <c>data.json</c>
/// under a directory, then evaluates each rule named <c>test_*</c> in <c>*_test.rego</c> files.
/// A test passes when defined and not false; <c>todo_test_*</c> rules are reported as skipped.
/// </summary>
public static class RegoTestRunner
{
    /// <summary>Runs all tests under a directory.</summary>
    public static RegoTestReport Run(string directory, RegoOptions? options = null, EvalOptions? evalOptions = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = new List<(string, string)>();
        var loadErrors = new List<string>();
        Value data = ObjectValue.Empty;
        if (!Directory.Exists(directory))
        {
            return new RegoTestReport([], [], [$"{directory}: no such directory"]);
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path);
            if (path.EndsWith(".rego", StringComparison.Ordinal))
            {
                files.Add((relative, File.ReadAllText(path)));
            }
            else if (Path.GetFileName(path) == "data.json")
            {
                try
                {
                    var value = RegoJson.Parse(File.ReadAllBytes(path));
                    var prefix = Path.GetDirectoryName(relative)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
                    data = MergeAt(data, prefix, 0, value);
                }
                catch (JsonException ex)
                {
                    loadErrors.Add($"{relative}: {ex.Message}");
                }
            }
        }

        return Run(files, data, options, evalOptions, loadErrors);
    }

    /// <summary>Runs tests from in-memory files with the given base data.</summary>
    public static RegoTestReport Run(IEnumerable<(string FileName, string Source)> files, Value? data, RegoOptions? options = null, EvalOptions? evalOptions = null, IReadOnlyList<string>? loadErrors = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fileList = files.ToList();
        var compiled = RegoCompiler.Compile(fileList, options);
        if (!compiled.Success)
        {
            return new RegoTestReport([], compiled.Diagnostics, loadErrors ?? []);
        }

        var set = compiled.PolicySet!;
        var results = new List<RegoTestResult>();
        foreach (var module in set.Modules.Where(m => m.File.EndsWith("_test.rego", StringComparison.Ordinal)))
        {
            var package = "data." + string.Join('.', Compiler.PackagePath(module));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in module.Rules)
            {
                var name = rule.Path[^1];
                if (rule.Path.Length != Compiler.PackagePath(module).Length + 1 || rule.Args is not null || !seen.Add(name))
                {
                    continue;
                }

                if (name.StartsWith("todo_test_", StringComparison.Ordinal))
                {
                    results.Add(new RegoTestResult(package, name, RegoTestOutcome.Skip, TimeSpan.Zero, null, rule.Span));
                    continue;
                }

                if (!name.StartsWith("test_", StringComparison.Ordinal))
                {
                    continue;
                }

                var output = new StringBuilder();
                var options2 = (evalOptions ?? EvalOptions.Default) with { PrintSink = line => output.AppendLine(line) };
                var stopwatch = Stopwatch.StartNew();
                var result = set.EvaluatePath($"{package}.{name}", input: null, data, options2);
                stopwatch.Stop();
                var outcome = result.Error is not null ? RegoTestOutcome.Error
                    : result.Value is null || result.Value is BooleanValue { Value: false } ? RegoTestOutcome.Fail
                    : RegoTestOutcome.Pass;
                var message = result.Error?.ToString();
                if (output.Length > 0)
                {
                    message = message is null ? output.ToString().TrimEnd() : message + "\n" + output.ToString().TrimEnd();
                }

                results.Add(new RegoTestResult(package, name, outcome, stopwatch.Elapsed, message, rule.Span));
            }
        }

        return new RegoTestReport(results, [], loadErrors ?? []);
    }

    private static Value MergeAt(Value target, string[] path, int index, Value value)
    {
        if (index == path.Length)
        {
            if (target is ObjectValue existing && value is ObjectValue incoming)
            {
                var merged = existing;
                for (var i = 0; i < incoming.Count; i++)
                {
                    merged = merged.With(incoming.Keys[i], incoming.Values[i]);
                }

                return merged;
            }

            return value;
        }

        var obj = target as ObjectValue ?? ObjectValue.Empty;
        var key = new StringValue(path[index]);
        var child = obj.TryGetValue(key, out var c) ? c : ObjectValue.Empty;
        return obj.With(key, MergeAt(child, path, index + 1, value));
    }
}
