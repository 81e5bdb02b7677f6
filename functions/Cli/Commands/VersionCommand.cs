using System.CommandLine;
using System.Reflection;

namespace Enforcer.Cli.Commands;

/// <summary>`enforcer about`: prints the build's version, to check which binary is on the path.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("about", "Print the version of this build.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"enforcer {version}");
            return 0;
        });
        return command;
    }
}
