using System.CommandLine;
using Enforcer.Cli.Local;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Remediation;
using Enforcer.Functions.Evaluate;
using Enforcer.Functions.History;
using Enforcer.Functions.Remediate;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Enforcer.Cli.Commands;

/// <summary>
/// `enforcer serve`: Evaluate, Remediate and History in one process on loopback, each built by its own function's
/// composition (EvaluateApp, RemediateApp, HistoryApp) over one shared store, the embedded Rego engine and the local
/// stand-in for Google's APIs. Remediation requests Evaluate publishes are pushed to Remediate as Pub/Sub push requests.
/// History runs in local mode without caller authentication. Ctrl-C stops all three.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var evaluatePort = new Option<int>("--evaluate-port") { Description = "Evaluate's port.", DefaultValueFactory = _ => 8081 };
        var remediatePort = new Option<int>("--remediate-port") { Description = "Remediate's port.", DefaultValueFactory = _ => 8082 };
        var historyPort = new Option<int>("--history-port") { Description = "History's port.", DefaultValueFactory = _ => 8083 };
        var enforce = new Option<bool>("--enforce") { Description = "Remediate executes plans against the local stand-in (default: dry-run)." };
        var resources = new Option<string?>("--resources") { Description = "Resource snapshot folder for the stand-in (default: samples/resources of the checkout)." };
        var quarantine = new Option<string?>("--quarantine") { Description = "Quarantine records to start from (default: samples/state/quarantine.json of the checkout)." };
        var command = new Command("serve", "Run Evaluate, Remediate and History in one process on loopback, over the local stand-in for Google's APIs.")
        {
            evaluatePort, remediatePort, historyPort, enforce, resources, quarantine,
        };
        command.SetAction((parse, ct) => RunAsync(
            console,
            (parse.GetValue(evaluatePort), parse.GetValue(remediatePort), parse.GetValue(historyPort)),
            new LocalEnforcerOptions
            {
                Enforce = parse.GetValue(enforce),
                ResourceDirectory = parse.GetValue(resources) ?? CheckoutLocator.Folder(Path.Combine("samples", "resources")),
                QuarantineFile = parse.GetValue(quarantine) ?? CheckoutLocator.Folder(Path.Combine("samples", "state", "quarantine.json")),
            },
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, (int Evaluate, int Remediate, int History) ports, LocalEnforcerOptions options, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        if (options.ResourceDirectory is { } dir && !Directory.Exists(dir))
        {
            console.Error.WriteLine($"No resource snapshot folder '{dir}'.");
            return 2;
        }

        var (project, errors) = await LocalProject.StartAsync(options.ResourceDirectory, time, cancellationToken).ConfigureAwait(false);
        if (project is null)
        {
            foreach (var error in errors)
            {
                console.Error.WriteLine(error);
            }

            return 2;
        }

        await using (project.ConfigureAwait(false))
        {
            var (storeServices, store) = LocalEnforcer.CreateStore(time);
            await using (storeServices.ConfigureAwait(false))
            {
                if (await LocalEnforcer.SeedQuarantineAsync(store, options.QuarantineFile, cancellationToken).ConfigureAwait(false) is { } seedError)
                {
                    console.Error.WriteLine(seedError);
                    return 2;
                }

                var relay = new RemediationRelay(console.Error, time);
                await using (relay.ConfigureAwait(false))
                {
                    return await ServeAsync(console, ports, options, project, store, relay, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<int> ServeAsync(CliConsole console, (int Evaluate, int Remediate, int History) ports, LocalEnforcerOptions options, LocalProject project, IEnforcerStore store, RemediationRelay relay, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ENFORCER_GOOGLE_API_ROOT"] = project.Server.BaseAddress.ToString(),
            ["ENFORCER_HISTORY_AUTH"] = "none",
        };
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENFORCER_POLICY_ENGINE")))
        {
            settings["ENFORCER_POLICY_ENGINE"] = "embedded";
        }

        var enforcement = LocalEnforcer.EnforcementFor(options);
        void Common(WebApplicationBuilder builder, int port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton(store);
            builder.Services.AddSingleton(enforcement);
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        }

        var apps = new List<(string Name, WebApplication App)>();
        try
        {
            apps.Add(("evaluate", EvaluateApp.Build([], b =>
            {
                Common(b, ports.Evaluate);
                b.Services.AddSingleton<IRemediationRequestPublisher>(relay);
            })));
            apps.Add(("remediate", RemediateApp.Build([], b => Common(b, ports.Remediate))));
            apps.Add(("history", HistoryApp.Build([], b => Common(b, ports.History))));
            foreach (var (_, app) in apps)
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            relay.Start(new Uri(apps[1].App.Urls.First()));
            var table = new Table().Border(TableBorder.Simple).AddColumn("function").AddColumn("url");
            foreach (var (name, app) in apps)
            {
                table.AddRow(name, Markup.Escape(app.Urls.First()));
            }

            table.AddRow("[grey]google stand-in[/]", Markup.Escape($"{project.Server.BaseAddress} ({project.Resources.Count} resources)"));
            console.Ui.Write(table);
            console.Ui.MarkupLineInterpolated($"store: {LocalEnforcer.DescribeStore(store)} · policy engine: {settings.GetValueOrDefault("ENFORCER_POLICY_ENGINE") ?? Environment.GetEnvironmentVariable("ENFORCER_POLICY_ENGINE")} · {(enforcement.Mode == EnforcementMode.Enforce ? "enforce" : "dry-run")} · History without caller authentication (local mode)");
            console.Ui.MarkupLine("Press Ctrl-C to stop.");

            // Stop on Ctrl-C (the command's token) or when any host stops itself.
            var stopping = apps.Select(a => a.App.Lifetime.ApplicationStopping).Append(cancellationToken).ToArray();
            using var any = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, any.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutting down.
            }

            return 0;
        }
        finally
        {
            foreach (var (_, app) in Enumerable.Reverse(apps))
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }

            console.Ui.MarkupLine("Stopped.");
        }
    }
}
