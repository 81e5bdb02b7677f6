using System.Diagnostics;
using System.Globalization;

namespace Enforcer.Benchmarks;

/// <summary>
/// A plain stopwatch loop over the <see cref="PolicyBenchmarks"/> cases, for machines too loaded for BenchmarkDotNet's
/// short runs: per case, a warm-up of at least 200 calls and one second (so tiered JIT has promoted the hot code),
/// then the median of 2,000 timed calls, and the bytes allocated per call on this thread. Run with <c>dotnet run -c Release --project tests/Enforcer.Benchmarks -- stopwatch</c>.
/// </summary>
internal static class PolicyStopwatch
{
    private const int WarmUp = 200;
    private const int Timed = 2_000;

    public static void Run(TextWriter output)
    {
        var suite = new PolicyBenchmarks();
        suite.Setup();
        var cases = new (string Name, Func<object> Call)[]
        {
            ("Bucket_5Policies", suite.Bucket_5Policies),
            ("ComputeInstance_8Policies", suite.ComputeInstance_8Policies),
            ("SqlInstance_9Policies", suite.SqlInstance_9Policies),
            ("ParseSqlInputJson (reference)", suite.ParseSqlInputJson),
        };

        output.WriteLine($"| case | median | allocated per call |");
        output.WriteLine("|---|---:|---:|");
        foreach (var (name, call) in cases)
        {
            var warmStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < WarmUp || Stopwatch.GetElapsedTime(warmStart) < TimeSpan.FromSeconds(1); i++)
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
}
