using BenchmarkDotNet.Running;
using Enforcer.Benchmarks;

// "stopwatch" runs the plain timing loop (PolicyStopwatch); anything else goes to BenchmarkDotNet, where each suite
// is a class in this assembly, picked with --filter.
if (args is ["stopwatch", ..])
{
    PolicyStopwatch.Run(Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
