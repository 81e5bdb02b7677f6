using BenchmarkDotNet.Running;
using Enforcer.Benchmarks;

// "stopwatch" runs the plain timing loop (PolicyStopwatch; "stopwatch --loop <case> <seconds>" calls one case for a profiler); anything else goes to BenchmarkDotNet, where each suite
// is a class in this assembly, picked with --filter.
if (args is ["stopwatch", "--loop", var name, var seconds])
{
    // For a profiler (dotnet-trace): one case called in a loop for the given time.
    PolicyStopwatch.Loop(name, TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)));
}
else if (args is ["stopwatch", ..])
{
    PolicyStopwatch.Run(Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
