using System.Diagnostics;
using System.Globalization;

namespace Enforcer.Benchmarks;

/// <summary>
/// A plain stopwatch loop over the <see cref="PolicyBenchmarks"/> cases, for machines too loaded for BenchmarkDotNet's
/// short runs. Every case is first warmed up for three seconds (so tiered JIT, with its instrumented tier, has promoted
/// the hot code); then the cases are timed in turns, 20 rounds of 100 calls each, so a slow spell of the machine (these
/// are shared virtual cores) falls on every case alike. Per case: the median of the 2,000 timed calls, its ratio to the
/// JSON-parse reference measured in the same rounds, the 10th and 90th percentiles, and the bytes allocated per call on
/// this thread. Run with <c>dotnet run -c Release --project tests/Enforcer.Benchmarks -- stopwatch</c>.
/// </summary>
internal static class PolicyStopwatch
{
    private const int Rounds = 20;
    private const int CallsPerRound = 100;

    public static void Run(TextWriter output)
    {
        var cases = Cases();
        foreach (var (_, call) in cases)
        {
            var warmStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < 200 || Stopwatch.GetElapsedTime(warmStart) < TimeSpan.FromSeconds(3); i++)
            {
                call();
            }
        }

        var ticks = cases.Select(_ => new long[Rounds * CallsPerRound]).ToArray();
        var allocated = new long[cases.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var call = cases[c].Call;
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < CallsPerRound; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    call();
                    ticks[c][(round * CallsPerRound) + i] = Stopwatch.GetTimestamp() - start;
                }

                allocated[c] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        foreach (var t in ticks)
        {
            Array.Sort(t);
        }

        double Micros(long[] sorted, double quantile) => sorted[(int)(quantile * (sorted.Length - 1))] * 1_000_000.0 / Stopwatch.Frequency;
        var reference = Micros(ticks[^1], 0.5);
        output.WriteLine("| case | median | × parse reference | p10 | p90 | allocated per call |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var median = Micros(ticks[c], 0.5);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {cases[c].Name} | {median:F1} µs | {median / reference:F1} | {Micros(ticks[c], 0.1):F1} µs | {Micros(ticks[c], 0.9):F1} µs | {allocated[c] / (double)ticks[c].Length / 1024.0:F1} KB |"));
        }
    }

    /// <summary>Calls the case whose name starts with <paramref name="name"/> in a loop for <paramref name="duration"/> (to profile it).</summary>
    public static void Loop(string name, TimeSpan duration)
    {
        var call = Array.Find(Cases(), c => c.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Call
            ?? throw new ArgumentException($"no case named {name}", nameof(name));
        var start = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            call();
            calls++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{calls} calls, {duration.TotalMicroseconds / calls:F1} µs per call"));
    }

    private static (string Name, Func<object> Call)[] Cases()
    {
        var suite = new PolicyBenchmarks();
        suite.Setup();
        return
        [
            ("Bucket_5Policies", suite.Bucket_5Policies),
            ("ComputeInstance_8Policies", suite.ComputeInstance_8Policies),
            ("SqlInstance_9Policies", suite.SqlInstance_9Policies),
            ("ParseSqlInputJson (reference)", suite.ParseSqlInputJson),
        ];
    }
}
