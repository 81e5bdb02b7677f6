using System.CommandLine;
using Enforcer.Cli.Evaluation;
using Enforcer.Cli.Local;
using Spectre.Console;

namespace Enforcer.Cli.Commands;

/// <summary>
/// `enforcer evaluate &lt;event.json|dir&gt;`: replays audit-log entries, evaluation requests and Pub/Sub push requests
/// through the Evaluate pipeline in process and prints each decision with its remediation plan. Dry-run unless
/// --enforce, which executes the published remediation requests against the local stand-in. Exit 0 when every event
/// was processed, 1 when a file was refused or an event failed, 2 when the setup is wrong.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "An event file, or a folder of them (a samples-style folder: its events/ and deliveries/)." };
        var enforce = new Option<bool>("--enforce") { Description = "Execute the remediation requests against the local stand-in (default: dry-run, no call is made)." };
        var live = new Option<bool>("--live") { Description = "Read the real resources with Application Default Credentials instead of the snapshots (always dry-run)." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of a table." };
        var all = new Option<bool>("--all") { Description = "List every compliant policy on its own row (default: one row per resource for them)." };
        var resources = new Option<string?>("--resources") { Description = "Resource snapshot folder for the stand-in (default: resources/ beside the events, else samples/resources)." };
        var quarantine = new Option<string?>("--quarantine") { Description = "Quarantine records to start from (default: state/quarantine.json beside the events, when present)." };
        var policyDir = new Option<string?>("--policy-dir") { Description = "Evaluate with this policy directory instead of the bundle compiled into the build." };
        var command = new Command("evaluate", "Run events through the Evaluate pipeline locally and show the decisions and remediation plans.")
        {
            path, enforce, live, json, all, resources, quarantine, policyDir,
        };
        command.SetAction((parse, ct) => RunAsync(
            console,
            parse.GetValue(path)!,
            new LocalEnforcerOptions
            {
                Enforce = parse.GetValue(enforce),
                Live = parse.GetValue(live),
                ResourceDirectory = parse.GetValue(resources),
                QuarantineFile = parse.GetValue(quarantine),
                PolicyDirectory = parse.GetValue(policyDir),
            },
            parse.GetValue(json),
            parse.GetValue(all),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string path, LocalEnforcerOptions options, bool json, bool all, CancellationToken cancellationToken)
    {
        var files = EventFile.Enumerate(path);
        if (files.Count == 0)
        {
            console.Error.WriteLine($"No event files at '{path}'.");
            return 2;
        }

        if (options.Live && options.Enforce)
        {
            console.Error.WriteLine("--live is always a dry run: --enforce is ignored.");
            options = options with { Enforce = false };
        }

        var samples = SamplesRoot(path);
        options = options with
        {
            ResourceDirectory = options.ResourceDirectory ?? (samples is null ? null : Path.Combine(samples, "resources")),
            QuarantineFile = options.QuarantineFile ?? (samples is null ? null : Path.Combine(samples, "state", "quarantine.json")),
        };
        if (!options.Live && options.ResourceDirectory is { } dir && !Directory.Exists(dir))
        {
            console.Error.WriteLine($"No resource snapshot folder '{dir}'.");
            return 2;
        }

        var (enforcer, errors) = await LocalEnforcer.StartAsync(options, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (enforcer is null)
        {
            foreach (var error in errors)
            {
                console.Error.WriteLine(error);
            }

            return 2;
        }

        await using (enforcer.ConfigureAwait(false))
        {
            var events = await EventFile.ReadAllAsync(files, cancellationToken).ConfigureAwait(false);
            var reports = await new EvaluateRunner(enforcer).RunAsync(events, cancellationToken).ConfigureAwait(false);
            var source = options.Live ? "google (ADC)" : options.ResourceDirectory ?? "(empty stand-in)";
            if (json)
            {
                await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                EvaluateReportJson.Write(buffer, source, enforcer.StoreName, options.Enforce, reports);
                await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                console.Ui.MarkupLineInterpolated($"[grey]resources: {source} · store: {enforcer.StoreName} · policies: {options.PolicyDirectory ?? "embedded bundle"} · {(options.Enforce ? "enforce" : "dry-run")}[/]");
                EvaluateReportTable.Write(console.Ui, reports, all);
                foreach (var alert in enforcer.Alerts.Alerts)
                {
                    console.Ui.MarkupLineInterpolated($"[red]alert[/] {alert.Kind} {alert.ResourceName} ({alert.PolicyId}): {alert.Message}");
                }

                if (!options.Enforce)
                {
                    console.Ui.MarkupLine("[grey]Dry run: no remediation call was made. --enforce executes the plans against the local stand-in.[/]");
                }
            }

            return reports.Any(r => r.Status is "invalid" or "permanent" or "transient") ? 1 : 0;
        }
    }

    // The folder holding events/, resources/ and state/: the path itself, or an ancestor of an event file.
    private static string? SamplesRoot(string path)
    {
        var start = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path).Directory;
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "resources")))
            {
                return dir.FullName;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        return CheckoutLocator.Folder("samples");
    }
}
