using System.Globalization;

namespace Enforcer.ColdStart;

/// <summary>The command line: a command, --name value options and host targets.</summary>
internal sealed record BenchOptions(string Command, IReadOnlyList<HostTarget> Targets, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Environment)
{
    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("usage: coldstart|load [--runs N] [--seconds S] [--concurrency C] [--baseline LABEL] [--event FILE] [--remediation FILE] [--env KEY=VALUE]... [--no-fake-google] LABEL=EXECUTABLE[:audit|remediation|history]...");
        }

        var targets = new List<HostTarget>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--no-fake-google")
            {
                values["no-fake-google"] = "true";
            }
            else if (arg == "--env")
            {
                var pair = args[++i];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                environment[pair[..equals]] = pair[(equals + 1)..];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                values[arg[2..]] = args[++i];
            }
            else
            {
                targets.Add(HostTarget.Parse(arg));
            }
        }

        return new BenchOptions(args[0], targets, values, environment);
    }

    public int Int(string name, int fallback) =>
        Values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => Values.GetValueOrDefault(name);

    public bool Flag(string name) => Values.ContainsKey(name);
}
