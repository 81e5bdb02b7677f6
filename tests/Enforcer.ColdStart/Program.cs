using Enforcer.ColdStart;

// Measures published function hosts as processes (see eng/bench-coldstart.sh, which publishes them first):
//   coldstart [--runs N] [--baseline LABEL] LABEL=EXECUTABLE[:probe]...   spawn-to-first-answer, medians, ratio to the baseline
//   load [--seconds S] [--concurrency C] LABEL=EXECUTABLE                  events/s and RSS (VmRSS, VmHWM) under sustained load
// Hosts run with ENFORCER_STORE=memory and, unless --no-fake-google, ENFORCER_GOOGLE_API_ROOT pointing at an in-process fake
// of Google's APIs that holds the sample event's bucket.
var options = BenchOptions.Parse(args);
var root = RepositoryRoot();
var probes = new Probes(
    File.ReadAllText(options.String("event") ?? Path.Combine(root, "samples", "events", "bucket-create.json")),
    File.ReadAllText(options.String("remediation") ?? Path.Combine(root, "tests", "Enforcer.Functions.Tests", "Fixtures", "bucket-remediation.request.json")));

await using var google = options.Flag("no-fake-google") ? null : await LocalGoogle.StartAsync();
// History refuses to start outside Cloud Run without an explicit auth choice; the hosts listen on loopback only.
var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["ENFORCER_STORE"] = "memory", ["ENFORCER_HISTORY_AUTH"] = "none" };
if (google is not null)
{
    environment["ENFORCER_GOOGLE_API_ROOT"] = google.BaseAddress.ToString();
}

// A framework-dependent apphost finds the runtime through DOTNET_ROOT: the one running this tool.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
{
    environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
}

foreach (var (key, value) in options.Environment)
{
    environment[key] = value;
}

Console.WriteLine($"load average at start: {LoadAverage()}; stand-in for Google: {(google is null ? "none" : google.BaseAddress)}");
var exitCode = options.Command switch
{
    "coldstart" => await ColdStartBench.RunAsync(options, environment, probes),
    "load" => await LoadBench.RunAsync(options, environment, probes),
    _ => throw new ArgumentException($"unknown command '{options.Command}' (coldstart, load)"),
};
Console.WriteLine($"load average at end: {LoadAverage()}");
return exitCode;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
