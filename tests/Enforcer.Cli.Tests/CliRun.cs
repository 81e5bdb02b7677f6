namespace Enforcer.Cli.Tests;

/// <summary>Runs the command line in process with captured output, as a user would call it.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, interactive: false), TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A file or folder copied beside the test assembly (Fixtures/..., samples/...).</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);
}
