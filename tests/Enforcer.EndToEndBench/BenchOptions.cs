using System.Globalization;

namespace Enforcer.EndToEndBench;

/// <summary>The command line: <c>[--events N] [--concurrency C] [--warmup W] [--poll-ms P] [--timeout-seconds T]</c>.</summary>
internal sealed record BenchOptions(int Events, int Concurrency, int Warmup, TimeSpan PollInterval, TimeSpan Timeout)
{
    public const string Usage = "usage: [--events N (200)] [--concurrency C (1)] [--warmup W (5, at least 1: it also learns how many violations each bucket opens)] [--poll-ms P (10)] [--timeout-seconds T (30)]";

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["events"] = 200,
            ["concurrency"] = 1,
            ["warmup"] = 5,
            ["poll-ms"] = 10,
            ["timeout-seconds"] = 30,
        };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !values.ContainsKey(name))
            {
                throw new ArgumentException($"unknown argument '{args[i]}'");
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new ArgumentException($"--{name} needs a whole number above 0");
            }

            values[name] = value;
            i++;
        }

        return new BenchOptions(
            values["events"],
            values["concurrency"],
            values["warmup"],
            TimeSpan.FromMilliseconds(values["poll-ms"]),
            TimeSpan.FromSeconds(values["timeout-seconds"]));
    }
}
