using System.Globalization;
using System.Text;
using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Testing;

/// <summary>Results of a test run, or the compile diagnostics that stopped it.</summary>
public sealed class RegoTestReport(IReadOnlyList<RegoTestResult> results, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> loadErrors)
{
    public IReadOnlyList<RegoTestResult> Results { get; } = results;

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Files that could not be read or parsed as data.</summary>
    public IReadOnlyList<string> LoadErrors { get; } = loadErrors;

    public int Passed => Results.Count(r => r.Outcome == RegoTestOutcome.Pass);

    public int Failed => Results.Count(r => r.Outcome is RegoTestOutcome.Fail or RegoTestOutcome.Error);

    public int Skipped => Results.Count(r => r.Outcome == RegoTestOutcome.Skip);

    /// <summary>True when everything compiled and no test failed or errored.</summary>
    public bool Success => Diagnostics.Count == 0 && LoadErrors.Count == 0 && Failed == 0;

    /// <summary>Process exit code: 0 success, 1 test failures, 2 compile or load errors.</summary>
    public int ExitCode => Diagnostics.Count > 0 || LoadErrors.Count > 0 ? 2 : Failed > 0 ? 1 : 0;

    /// <summary>Human-readable report like <c>opa test -v</c>, ending with a "N passed, N failed" line.</summary>
    public string Format(bool verbose = true)
    {
        var builder = new StringBuilder();
        foreach (var error in LoadErrors)
        {
            builder.AppendLine(error);
        }

        foreach (var diagnostic in Diagnostics)
        {
            builder.AppendLine(diagnostic.ToString());
        }

        foreach (var group in Results.GroupBy(r => r.Location.File))
        {
            if (verbose)
            {
                builder.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}:");
            }

            foreach (var result in group)
            {
                if (!verbose && result.Outcome == RegoTestOutcome.Pass)
                {
                    continue;
                }

                var outcome = result.Outcome.ToString().ToUpperInvariant();
                builder.AppendLine(CultureInfo.InvariantCulture, $"{result.FullName}: {outcome} ({FormatDuration(result.Duration)})");
                if (result.Message is not null && result.Outcome != RegoTestOutcome.Pass)
                {
                    foreach (var line in result.Message.Split('\n'))
                    {
                        builder.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
                    }
                }
            }
        }

        builder.AppendLine(new string('-', 80));
        var total = Results.Count;
        builder.AppendLine(CultureInfo.InvariantCulture, $"PASS: {Passed}/{total}");
        if (Failed > 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"FAIL: {Failed}/{total}");
        }

        if (Skipped > 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"SKIPPED: {Skipped}/{total}");
        }

        builder.AppendLine(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed, {Skipped} skipped");
        return builder.ToString();
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalMilliseconds >= 1
            ? duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms"
            : (duration.TotalMilliseconds * 1000).ToString("0", CultureInfo.InvariantCulture) + "µs";
}
