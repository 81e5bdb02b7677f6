using System.CommandLine;
using Enforcer.Cli.Commands;

namespace Enforcer.Cli;

/// <summary>The command tree. Each command lives in Commands/&lt;Name&gt;Command.cs and exposes Create(console).</summary>
internal static class CliApp
{
    public static RootCommand CreateRoot(CliConsole console) =>
        new("Real-time policy enforcement for Google Cloud: local tools.")
        {
            VersionCommand.Create(),
            PoliciesCommand.Create(),
            TestCommand.Create(console),
            ConformanceCommand.Create(console),
            EvaluateCommand.Create(console),
            ServeCommand.Create(console),
        };

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(console);
        // serve needs a moment after Ctrl-C to stop three hosts and the stand-in cleanly.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
