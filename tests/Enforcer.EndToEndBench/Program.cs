using Enforcer.EndToEndBench;

// Local end to end latency over the emulators (docs/benchmarks.md, "Local end to end over the emulators"):
//   dotnet run -c Release --project tests/Enforcer.EndToEndBench -- [--events N] [--concurrency C] [--warmup W] [--poll-ms P] [--timeout-seconds T]
// Exit code: 0 every event remediated and visible in time, each plan run once, every bucket fixed on the stand-in;
// 1 otherwise; 2 setup failed (bad arguments, emulators or hosts did not start); 130 interrupted.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Ctrl-C cancels the run, so every emulator and host is stopped on the way out (their watchdogs cover a hard kill).
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupted.IsCancellationRequested)
    {
        e.Cancel = true;
        Console.Error.WriteLine("interrupted: stopping the hosts and emulators");
        interrupted.Cancel();
    }
};

try
{
    return await EndToEndRun.RunAsync(options, interrupted.Token);
}
catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
{
    return 130;
}
