using System.CommandLine;
using System.Globalization;
using Enforcer.Rego.Conformance;
using Spectre.Console;

namespace Enforcer.Cli.Commands;

/// <summary>
/// `enforcer conformance [dir]`: runs OPA's YAML conformance cases on the embedded engine (the library behind
/// shared/Enforcer.Rego.Conformance) and prints the per-area table. Without --pass-list the exit code is 1 when any
/// in-scope case fails; with --pass-list FILE (the ratchet the test suite enforces) it is 1 only when a listed case no
/// longer passes. 2: no case directory.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string?>("dir") { Description = "Conformance case folder (with v1/ and v0/, or a version folder). Default: OPA_CONFORMANCE_DIR.", Arity = ArgumentArity.ZeroOrOne };
        var v0 = new Option<bool>("--v0") { Description = "Run the Rego v0 cases (the v0 folder)." };
        var area = new Option<string?>("--area") { Description = "Only areas whose name starts with this prefix." };
        var failures = new Option<bool>("--failures") { Description = "List every failing case with its reason." };
        var passList = new Option<string?>("--pass-list") { Description = "A pass-list file (e.g. tests/Enforcer.Rego.Tests/Conformance/passing-v1.txt): fail only when a listed case regresses." };
        var command = new Command("conformance", "Run OPA's conformance cases against the embedded Rego engine.") { dir, v0, area, failures, passList };
        command.SetAction(parse => Run(console, parse.GetValue(dir), parse.GetValue(v0), parse.GetValue(area), parse.GetValue(failures), parse.GetValue(passList)));
        return command;
    }

    private static int Run(CliConsole console, string? dir, bool v0, string? area, bool listFailures, string? passList)
    {
        dir ??= ConformanceRunner.FindDirectory(CheckoutLocator.Find());
        if (dir is null || !Directory.Exists(dir))
        {
            console.Error.WriteLine($"No conformance directory{(dir is null ? string.Empty : $" '{dir}'")}: pass one or set OPA_CONFORMANCE_DIR.");
            return 2;
        }

        if (passList is not null && !File.Exists(passList))
        {
            console.Error.WriteLine($"No pass-list file '{passList}'.");
            return 2;
        }

        var report = ConformanceRunner.Run(dir, new ConformanceOptions { V0 = v0, AreaFilter = area });
        var table = new Table().Border(TableBorder.Simple).AddColumn("area")
            .AddColumn(new TableColumn("pass").RightAligned()).AddColumn(new TableColumn("fail").RightAligned()).AddColumn(new TableColumn("skip").RightAligned());
        foreach (var group in report.Results.GroupBy(r => r.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var failed = group.Count(r => r.Outcome == CaseOutcome.Failed);
            table.AddRow(
                Markup.Escape(group.Key),
                Count(group.Count(r => r.Outcome == CaseOutcome.Passed)),
                failed == 0 ? "0" : $"[red]{Count(failed)}[/]",
                Count(group.Count(r => r.Outcome == CaseOutcome.Skipped)));
        }

        var inScope = report.Passed + report.Failed;
        var rate = inScope == 0 ? 0 : 100.0 * report.Passed / inScope;
        table.AddRow("[bold]TOTAL[/]", Count(report.Passed), Count(report.Failed), Count(report.Skipped));
        console.Ui.Write(table);
        console.Ui.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{rate:F1}% of in-scope cases pass ({dir}, {(v0 ? "v0" : "v1")})");

        if (listFailures)
        {
            foreach (var failure in report.Results.Where(r => r.Outcome == CaseOutcome.Failed))
            {
                console.Out.WriteLine($"FAIL {failure.Note}: {failure.Detail}");
            }
        }

        if (passList is null)
        {
            return report.Failed == 0 ? 0 : 1;
        }

        var listed = File.ReadAllLines(passList).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var run = report.Results.Select(r => r.Note).ToHashSet(StringComparer.Ordinal);
        var passing = report.PassingNotes().ToHashSet(StringComparer.Ordinal);
        // With --area only part of the suite ran: judge the listed cases that ran; otherwise a listed case that is missing also counts.
        var judged = listed.Where(note => area is null || run.Contains(note)).ToList();
        var regressions = judged.Where(note => !passing.Contains(note)).ToList();
        foreach (var note in regressions)
        {
            var detail = report.Results.FirstOrDefault(r => r.Note == note && r.Outcome != CaseOutcome.Passed)?.Detail ?? "not found in this run";
            console.Error.WriteLine($"REGRESSION {note}: {detail}");
        }

        console.Ui.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"pass-list {passList}: {judged.Count - regressions.Count}/{judged.Count} listed cases pass{(area is null ? string.Empty : $" (of those in areas '{area}*')")}");
        return regressions.Count == 0 ? 0 : 1;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
