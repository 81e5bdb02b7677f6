using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Enforcer.ColdStart;

/// <summary>
/// Starts each host N times and times spawn → first answer to its probe. One unmeasured round
/// first (file cache, this tool's own JIT), then the rounds rotate the order so slow drift in the
/// machine's load spreads over all hosts alike.
/// </summary>
internal static partial class ColdStartBench
{
    public static async Task<int> RunAsync(BenchOptions options, IReadOnlyDictionary<string, string> environment, Probes probes)
    {
        var runs = options.Int("runs", 10);
        var targets = options.Targets;
        var baseline = options.String("baseline") ?? targets.FirstOrDefault(t => t.Label.Contains("hello", StringComparison.OrdinalIgnoreCase))?.Label;
        var times = targets.ToDictionary(t => t.Label, _ => new List<double>(), StringComparer.Ordinal);
        var rss = targets.ToDictionary(t => t.Label, _ => new List<double>(), StringComparer.Ordinal);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = 0;

        for (var round = -1; round < runs; round++)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                var target = targets[(i + Math.Max(round, 0)) % targets.Count];
                try
                {
                    await using var host = StartedHost.Start(target, environment);
                    var (elapsed, status, body) = await host.FirstAnswerAsync(() => probes.Create(target.Probe, host.BaseAddress), TimeSpan.FromSeconds(60));
                    var memory = ProcStatus.Read(host.Process.Id);
                    answers[target.Label] = Describe(status, body);
                    if (round >= 0)
                    {
                        times[target.Label].Add(elapsed.TotalMilliseconds);
                        if (memory is { } m)
                        {
                            rss[target.Label].Add(m.RssKiB / 1024.0);
                        }

                        Console.WriteLine($"round {round + 1}/{runs} {target.Label}: {elapsed.TotalMilliseconds:F0} ms, {answers[target.Label]}");
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or System.ComponentModel.Win32Exception)
                {
                    failures++;
                    Console.WriteLine($"round {round + 1} {target.Label}: FAILED {ex.Message}");
                }

                await Task.Delay(200);
            }
        }

        var baselineMedian = baseline is not null && times[baseline].Count > 0 ? Median(times[baseline]) : (double?)null;
        Console.WriteLine();
        Console.WriteLine($"| Host | Runs | Median ms | Min ms | Max ms | × {baseline ?? "baseline"} | RSS after first answer (median) | First answer |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var target in targets)
        {
            var values = times[target.Label];
            if (values.Count == 0)
            {
                Console.WriteLine($"| {target.Label} | 0 | – | – | – | – | – | failed |");
                continue;
            }

            var median = Median(values);
            var ratio = baselineMedian is { } b ? (median / b).ToString("F2", CultureInfo.InvariantCulture) : "–";
            var memory = rss[target.Label].Count > 0 ? $"{Median(rss[target.Label]):F0} MiB" : "–";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {target.Label} | {values.Count} | {median:F0} | {values.Min():F0} | {values.Max():F0} | {ratio} | {memory} | {answers.GetValueOrDefault(target.Label)} |"));
        }

        return failures == 0 ? 0 : 1;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"200 completed" style: the status and, for event answers, the outcome.</summary>
    public static string Describe(HttpStatusCode status, string body)
    {
        var outcome = OutcomePattern().Match(body);
        return outcome.Success ? $"{(int)status} {outcome.Groups[1].Value}" : ((int)status).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("\"outcome\"\\s*:\\s*\"([a-z_-]+)\"")]
    private static partial Regex OutcomePattern();
}
