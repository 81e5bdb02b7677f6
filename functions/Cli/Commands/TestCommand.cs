using System.CommandLine;
using System.Globalization;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Parsing;
using Enforcer.Rego.Testing;
using Spectre.Console;

namespace Enforcer.Cli.Commands;

/// <summary>
/// `enforcer test [dir]`: runs every <c>test_*</c> rule of the <c>*_test.rego</c> files under a policy directory on the
/// embedded Rego engine, like <c>opa test -v</c>. Exit 0 when all pass, 1 when a test fails or errors, 2 when the
/// policies do not compile or a data file cannot be read.
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string?>("dir") { Description = "Policy directory (default: policy/ of the checkout).", Arity = ArgumentArity.ZeroOrOne };
        var v0 = new Option<bool>("--v0") { Description = "Parse the files as Rego v0 (pre-1.0 syntax) instead of v1." };
        var failuresOnly = new Option<bool>("--failures-only", "-q") { Description = "List only tests that did not pass (the summary is always printed)." };
        var command = new Command("test", "Run the Rego unit tests (test_* rules) with the embedded engine, like `opa test`.") { dir, v0, failuresOnly };
        command.SetAction(parse => Run(console, parse.GetValue(dir), parse.GetValue(v0), parse.GetValue(failuresOnly)));
        return command;
    }

    private static int Run(CliConsole console, string? dir, bool v0, bool failuresOnly)
    {
        dir ??= Directory.Exists("policy") ? "policy" : CheckoutLocator.Folder("policy");
        if (dir is null || !Directory.Exists(dir))
        {
            console.Error.WriteLine($"No policy directory '{dir ?? "policy/"}': pass one, or run inside the checkout.");
            return 2;
        }

        var options = new RegoOptions { Version = v0 ? RegoVersion.V0 : RegoVersion.V1 };
        var report = RegoTestRunner.Run(dir, options);
        var ui = console.Ui;
        foreach (var error in report.LoadErrors)
        {
            ui.MarkupLineInterpolated($"[red]load error[/] {error}");
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            ui.MarkupLineInterpolated($"[red]compile error[/] {diagnostic.ToString()}");
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("result").AddColumn("test").AddColumn(new TableColumn("time").RightAligned());
        foreach (var group in report.Results.GroupBy(r => r.Location.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = group.Where(r => !failuresOnly || r.Outcome is RegoTestOutcome.Fail or RegoTestOutcome.Error).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            table.AddRow(new Markup(string.Empty), new Markup($"[bold]{Markup.Escape(group.Key)}[/]"), new Markup(string.Empty));
            foreach (var result in rows)
            {
                var name = Markup.Escape(result.FullName);
                if (result.Message is not null && result.Outcome != RegoTestOutcome.Pass)
                {
                    name += "\n[grey]" + Markup.Escape(result.Message) + "[/]";
                }

                table.AddRow(new Markup(Outcome(result.Outcome)), new Markup(name), new Markup(Duration(result.Duration)));
            }
        }

        if (table.Rows.Count > 0)
        {
            ui.Write(table);
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"{report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped ({report.Results.Count} tests in {dir})");
        ui.MarkupLine(report.Success ? $"[green]{Markup.Escape(summary)}[/]" : $"[red]{Markup.Escape(summary)}[/]");
        return report.ExitCode;
    }

    private static string Outcome(RegoTestOutcome outcome) => outcome switch
    {
        RegoTestOutcome.Pass => "[green]PASS[/]",
        RegoTestOutcome.Fail => "[red]FAIL[/]",
        RegoTestOutcome.Error => "[red]ERROR[/]",
        _ => "[yellow]SKIP[/]",
    };

    private static string Duration(TimeSpan duration) =>
        duration.TotalMilliseconds >= 1
            ? duration.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms"
            : (duration.TotalMilliseconds * 1000).ToString("0", CultureInfo.InvariantCulture) + " µs";
}
