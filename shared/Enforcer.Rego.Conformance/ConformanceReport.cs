using System.Globalization;
using System.Text;

namespace Enforcer.Rego.Conformance;

/// <summary>All case results of a run, with a per-area summary table.</summary>
public sealed class ConformanceReport(IReadOnlyList<CaseResult> results)
{
    public IReadOnlyList<CaseResult> Results { get; } = results;

    public int Passed => Results.Count(r => r.Outcome == CaseOutcome.Passed);

    public int Failed => Results.Count(r => r.Outcome == CaseOutcome.Failed);

    public int Skipped => Results.Count(r => r.Outcome == CaseOutcome.Skipped);

    /// <summary>Notes of cases that pass, where every case sharing the note passes (sorted, for the pass-list).</summary>
    public IReadOnlyList<string> PassingNotes() =>
        Results.GroupBy(r => r.Note, StringComparer.Ordinal)
            .Where(g => g.All(r => r.Outcome == CaseOutcome.Passed))
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Per-area pass/fail/skip counts as an aligned text table, with a total line.</summary>
    public string FormatTable()
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{"area",-40} {"pass",6} {"fail",6} {"skip",6}");
        foreach (var group in Results.GroupBy(r => r.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"{group.Key,-40} {group.Count(r => r.Outcome == CaseOutcome.Passed),6} {group.Count(r => r.Outcome == CaseOutcome.Failed),6} {group.Count(r => r.Outcome == CaseOutcome.Skipped),6}");
        }

        var inScope = Passed + Failed;
        var rate = inScope == 0 ? 0 : 100.0 * Passed / inScope;
        builder.AppendLine(CultureInfo.InvariantCulture, $"{"TOTAL",-40} {Passed,6} {Failed,6} {Skipped,6}  ({rate:F1}% of in-scope cases pass)");
        return builder.ToString();
    }
}
