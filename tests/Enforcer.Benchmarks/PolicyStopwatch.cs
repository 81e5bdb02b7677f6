using System.Diagnostics;
using System.Globalization;

namespace Enforcer.Benchmarks;

/// <summary>
/// A plain stopwatch loop over the <see cref="PolicyBenchmarks"/> cases, for machines too loaded for BenchmarkDotNet's
/// short runs: per case, a warm-up of at least 200 calls and three seconds (so tiered JIT, with its instrumented tier, has promoted the hot code),
/// then the median of 2,000 timed calls, and the bytes allocated per call on this thread. Run with <c>dotnet run -c Release --project tests/Enforcer.Benchmarks -- stopwatch</c>.
/// </summary>
internal static class PolicyStopwatch
{
    private const int WarmUp = 200;
    private const int Timed = 2_000;

    public static void Run(TextWriter output)
    {
        var cases = Cases();

        output.WriteLine($"| case | median | allocated per call |");
        output.WriteLine("|---|---:|---:|");
        foreach (var (name, call) in cases)
        {
            var warmStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < WarmUp || Stopwatch.GetElapsedTime(warmStart) < TimeSpan.FromSeconds(3); i++)
            {
                call();
            }

            var ticks = new long[Timed];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Timed; i++)
            {
                var start = Stopwatch.GetTimestamp();
                call();
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / Timed;
            Array.Sort(ticks);
            var medianMicros = ticks[Timed / 2] * 1_000_000.0 / Stopwatch.Frequency;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {medianMicros:F1} µs | {allocated / 1024.0:F1} KB |"));
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
