using Spectre.Console;

namespace Enforcer.Cli;

/// <summary>
/// Where a command writes: <see cref="Ui"/> for tables and colour (Spectre.Console), <see cref="Out"/> for plain or
/// machine-readable text (--json), <see cref="Error"/> for problems. Tests pass string writers to run commands in process.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Ui = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Redirected output (files, tests, CI logs) gets wide tables instead of the 80-column fallback.
            Ui.Profile.Width = 200;
        }
    }

    public IAnsiConsole Ui { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>The process console; colour only when stdout is a terminal.</summary>
    public static CliConsole ForProcess() => new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected);
}
