using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Enforcer.ColdStart;

/// <summary>
/// Starts one host and keeps C concurrent senders posting fresh events for S seconds, sampling the
/// host's VmRSS every second. Reports events/s, the answers, RSS after the first event, the steady
/// RSS (median of the samples in the second half) and the peak (VmHWM at the end).
/// </summary>
internal static class LoadBench
{
    public static async Task<int> RunAsync(BenchOptions options, IReadOnlyDictionary<string, string> environment, Probes probes)
    {
        var target = options.Targets.Single();
        var seconds = options.Int("seconds", 45);
        var concurrency = options.Int("concurrency", 4);
        await using var host = StartedHost.Start(target, environment);
        var (firstElapsed, firstStatus, firstBody) = await host.FirstAnswerAsync(() => probes.Create(target.Probe, host.BaseAddress), TimeSpan.FromSeconds(60));
        var afterFirst = ProcStatus.Read(host.Process.Id);
        Console.WriteLine($"{target.Label}: first answer after {firstElapsed.TotalMilliseconds:F0} ms ({ColdStartBench.Describe(firstStatus, firstBody)}), RSS {Mib(afterFirst?.RssKiB)}");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<(double Seconds, ProcStatus Status)>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        long sent = 0;

        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed < deadline)
            {
                await Task.Delay(1000);
                if (ProcStatus.Read(host.Process.Id) is { } status)
                {
                    lock (samples)
                    {
                        samples.Add((clock.Elapsed.TotalSeconds, status));
                    }
                }
            }
        });
        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < deadline)
            {
                using var request = probes.Create(target.Probe, host.BaseAddress);
                string key;
                try
                {
                    using var response = await client.SendAsync(request);
                    key = ColdStartBench.Describe(response.StatusCode, await response.Content.ReadAsStringAsync());
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    key = "error: " + ex.GetType().Name;
                }

                answers.AddOrUpdate(key, 1, (_, n) => n + 1);
                Interlocked.Increment(ref sent);
            }
        })).ToArray();
        await Task.WhenAll(senders);
        var elapsed = clock.Elapsed;
        await sampler;
        var final = ProcStatus.Read(host.Process.Id);

        var secondHalf = samples.Where(s => s.Seconds >= seconds / 2.0).Select(s => s.Status.RssKiB / 1024.0).ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Host | Seconds | Senders | Events | Events/s | RSS after first event | Steady RSS (median, 2nd half) | Max sampled RSS | Peak (VmHWM) |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {target.Label} | {elapsed.TotalSeconds:F0} | {concurrency} | {sent} | {sent / elapsed.TotalSeconds:F0} | {Mib(afterFirst?.RssKiB)} | {(secondHalf.Length > 0 ? $"{ColdStartBench.Median(secondHalf):F0} MiB" : "–")} | {Mib(samples.Count > 0 ? samples.Max(s => s.Status.RssKiB) : null)} | {Mib(final?.PeakRssKiB)} |"));
        Console.WriteLine();
        Console.WriteLine("answers: " + string.Join(", ", answers.OrderByDescending(a => a.Value).Select(a => $"{a.Key} × {a.Value}")));
        Console.WriteLine("VmRSS every 5 s: " + string.Join(", ", samples.Where((_, i) => i % 5 == 4).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:F0}s {s.Status.RssKiB / 1024.0:F0}"))) + " (MiB)");
        return answers.Keys.All(k => k.StartsWith("200", StringComparison.Ordinal)) ? 0 : 1;
    }

    private static string Mib(long? kib) => kib is { } k ? string.Create(CultureInfo.InvariantCulture, $"{k / 1024.0:F0} MiB") : "–";
}
