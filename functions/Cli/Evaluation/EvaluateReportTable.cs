using System.Globalization;
using Spectre.Console;

namespace Enforcer.Cli.Evaluation;

/// <summary>The human form of an evaluate run: one row per policy decision, grouped by event and resource.</summary>
internal static class EvaluateReportTable
{
    /// <param name="ui">Where to write.</param>
    /// <param name="events">The run.</param>
    /// <param name="all">List every compliant policy on its own row instead of one summary row per resource.</param>
    public static void Write(IAnsiConsole ui, IReadOnlyList<EventReport> events, bool all)
    {
        var plans = new List<(string Resource, PolicyReport Policy)>();
        var table = new Table().Border(TableBorder.Rounded).ShowRowSeparators()
            .AddColumn(new TableColumn("event").NoWrap()).AddColumn("resource").AddColumn(new TableColumn("policy").NoWrap()).AddColumn("severity")
            .AddColumn("result").AddColumn("decision").AddColumn("violation").AddColumn(new TableColumn("plan").NoWrap());
        foreach (var e in events)
        {
            var eventCell = $"{Markup.Escape(Path.GetFileName(e.File))}\n[grey]{Markup.Escape(e.Duplicate ? "duplicate" : e.Status)}[/]";
            if (e.Resources.Count == 0)
            {
                table.AddRow(eventCell, $"[grey]{Markup.Escape(e.Detail)}[/]", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
                continue;
            }

            foreach (var r in e.Resources)
            {
                var resourceCell = Markup.Escape(r.Name.TrimStart('/')) + (r.Outcome == "evaluated" ? string.Empty : $"\n[grey]{Markup.Escape(r.Outcome)}[/]");
                if (r.Policies.Count == 0)
                {
                    table.AddRow(eventCell, resourceCell, $"[grey]{Markup.Escape(r.Detail ?? "no policy applies")}[/]", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
                    eventCell = string.Empty;
                    continue;
                }

                var compliant = r.Policies.Where(p => p is { Result: "compliant", Decision: "record" }).ToList();
                var rows = all || compliant.Count < 2 ? r.Policies : [.. r.Policies.Except(compliant)];
                if (rows.Count < r.Policies.Count)
                {
                    table.AddRow(
                        eventCell,
                        resourceCell,
                        $"[grey]{compliant.Count} policies[/]",
                        string.Empty,
                        Result("compliant"),
                        "record",
                        string.Empty,
                        string.Empty);
                    eventCell = string.Empty;
                    resourceCell = string.Empty;
                }

                foreach (var p in rows)
                {
                    table.AddRow(
                        eventCell,
                        resourceCell,
                        Markup.Escape(p.PolicyId),
                        Markup.Escape(p.Severity ?? string.Empty),
                        Result(p.Result),
                        Decision(p),
                        Markup.Escape(p.Violation ?? string.Empty),
                        PlanCell(r.Name, p, plans));
                    eventCell = string.Empty;
                    resourceCell = string.Empty;
                }
            }
        }

        ui.Write(table);
        WritePlans(ui, plans);
        var decisions = events.SelectMany(e => e.Resources).SelectMany(r => r.Policies).GroupBy(p => p.Decision).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
        ui.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{events.Count} event(s): {string.Join(", ", decisions)}");
    }

    private static string Result(string result) => result switch
    {
        "compliant" => "[green]compliant[/]",
        "violation" => "[red]violation[/]",
        "excluded" => "[yellow]excluded[/]",
        _ => Markup.Escape(result),
    };

    private static string Decision(PolicyReport p)
    {
        var colour = p.Decision switch
        {
            "remediate" => "red",
            "remediate-dry-run" => "darkorange",
            "notify" => "yellow",
            "resolved" => "green",
            _ => "default",
        };
        var reason = p.Reasons.Count > 0 ? $"\n[grey]{Markup.Escape(p.Reasons[0])}[/]" : string.Empty;
        return $"[{colour}]{Markup.Escape(p.Decision)}[/]{reason}";
    }

    // The table names a plan by number; the calls are listed in full below it, where long URLs do not squeeze the columns.
    private static string PlanCell(string resource, PolicyReport p, List<(string Resource, PolicyReport Policy)> plans)
    {
        if (p.Plan.Count == 0 && p.PlanError is null && p.Remediation is null)
        {
            return string.Empty;
        }

        plans.Add((resource, p));
        var cell = string.Create(CultureInfo.InvariantCulture, $"#{plans.Count}");
        return p.Remediation is { } rem ? $"{cell} [bold]→ {Markup.Escape(rem.Status)}[/]" : cell;
    }

    private static void WritePlans(IAnsiConsole ui, List<(string Resource, PolicyReport Policy)> plans)
    {
        if (plans.Count == 0)
        {
            return;
        }

        ui.MarkupLine("[bold]Remediation plans[/]");
        for (var i = 0; i < plans.Count; i++)
        {
            var (resource, p) = plans[i];
            ui.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  #{i + 1} {resource} · {p.PolicyId} · {p.Decision}");
            foreach (var call in p.Plan)
            {
                ui.MarkupLineInterpolated($"     {call.Method}  {call.Verb} {call.Url}");
            }

            if (p.PlanError is not null)
            {
                ui.MarkupLineInterpolated($"     [red]plan refused: {p.PlanError}[/]");
            }

            if (p.Remediation is { } rem)
            {
                var verified = rem.Verified switch { true => ", verified", false => ", not verified", _ => string.Empty };
                var steps = string.Join(", ", rem.Steps.Select(s => s.HttpStatus is { } http ? $"{s.Method} {s.Status} {http}" : $"{s.Method} {s.Status}"));
                ui.MarkupLineInterpolated($"     [bold]→ {rem.Status}{verified}[/]{(steps.Length > 0 ? $" ({steps})" : string.Empty)}");
                if (rem.Status != "succeeded" && rem.Reason is not null)
                {
                    ui.MarkupLineInterpolated($"       [grey]{rem.Reason}[/]");
                }
            }
        }
    }
}
