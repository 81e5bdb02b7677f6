using System.Collections.Concurrent;
using System.Diagnostics;
using Enforcer.FakeGoogle;
using Enforcer.Google.Firestore;
using Enforcer.Google.Http;
using Enforcer.Google.PubSub;
using Enforcer.TestSupport;

namespace Enforcer.EndToEndBench;

/// <summary>
/// The whole local deployment, as processes: the Firestore and Pub/Sub emulators, the built Evaluate, Remediate and
/// History hosts, and an in-process fake of Google's APIs holding one public bucket per event. Topics and push
/// subscriptions are wired as in production (audit entries → Evaluate, remediation requests → Remediate). Each
/// measured event is an audit-log entry published to the emulator's topic; the clock stops when History first shows
/// every violation of that bucket as remediated.
/// </summary>
internal sealed class EndToEndRun
{
    private const string AuditTopic = "audit-events";
    private const string RemediationsTopic = "remediations";
    private static readonly string[] Functions = ["Evaluate", "Remediate", "History"];

    private readonly BenchOptions _options;
    private readonly PublicBucketScenario _scenario;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ConcurrentBag<string> _historyErrors = [];
    private PubSubPublisher _publisher = null!;
    private HistoryReader _history = null!;

    private EndToEndRun(BenchOptions options, PublicBucketScenario scenario)
    {
        _options = options;
        _scenario = scenario;
    }

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var root = Checkout.Root();
        var assemblies = Functions.ToDictionary(f => f, Checkout.FunctionAssembly, StringComparer.Ordinal);
        var runId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var logs = Path.Combine(Path.GetTempPath(), "enforcer-e2e-bench-" + runId);
        Directory.CreateDirectory(logs);
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine($"{options.Events} events, concurrency {options.Concurrency}, warm-up {options.Warmup}, History polled every {options.PollInterval.TotalMilliseconds:F0} ms, timeout {options.Timeout.TotalSeconds:F0} s per event; logs in {logs}");

        var run = new EndToEndRun(options, new PublicBucketScenario(root, runId));
        await using var fake = await FakeGoogleServer.StartAsync(cancellationToken: cancellationToken);
        var warmup = Enumerable.Range(1, options.Warmup).Select(i => $"{runId}-warm-{i:D2}").ToArray();
        var measured = Enumerable.Range(1, options.Events).Select(i => $"{runId}-{i:D4}").ToArray();
        foreach (var bucket in warmup.Concat(measured))
        {
            run._scenario.Seed(fake, bucket);
        }

        var clock = Stopwatch.StartNew();
        var firestoreStart = EmulatorLauncher.StartAsync(EmulatorKind.Firestore);
        var pubSubStart = EmulatorLauncher.StartAsync(EmulatorKind.PubSub);
        var firestore = await firestoreStart;
        var pubSub = await pubSubStart;
        await using var firestoreProcess = firestore.Process;
        await using var pubSubProcess = pubSub.Process;
        if (firestore.Host is null || pubSub.Host is null)
        {
            Console.Error.WriteLine($"emulators unavailable: Firestore: {firestore.FailureReason ?? "ok"}; Pub/Sub: {pubSub.FailureReason ?? "ok"}");
            return 2;
        }

        Console.WriteLine($"emulators up in {clock.Elapsed.TotalSeconds:F1} s (Firestore {firestore.Host}, Pub/Sub {pubSub.Host}); google stand-in {fake.BaseAddress} with {warmup.Length + measured.Length} public buckets");

        var project = "e2e-" + runId;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GOOGLE_CLOUD_PROJECT"] = project,
            [FirestoreClientOptions.EmulatorHostVariable] = firestore.Host,
            [PubSubClientOptions.EmulatorHostVariable] = pubSub.Host,
            ["ENFORCER_STORE"] = "firestore",
            ["ENFORCER_GOOGLE_API_ROOT"] = fake.BaseAddress.ToString(),
            ["ENFORCER_MODE"] = "enforce",
            ["ENFORCER_ENFORCEMENT_DELAY_SECONDS"] = "0",
            ["ENFORCER_REMEDIATIONS_TOPIC"] = RemediationsTopic,
            // The blast-radius cap (100 a minute by default) would turn a burst of fixes into 503s and redeliveries,
            // measuring the cap rather than the path.
            ["ENFORCER_MAX_REMEDIATIONS_PER_MINUTE"] = "1000000",
            // History's API is open on loopback, as in eng/run-local.sh.
            ["ENFORCER_HISTORY_AUTH"] = "none",
        };

        var hosts = new List<FunctionProcess>();
        try
        {
            clock.Restart();
            var starting = Functions.Select(f => FunctionProcess.StartAsync(f, assemblies[f], environment, logs, cancellationToken)).ToList();
            // Wait for all three whatever happens, so every host that did start is stopped in the finally block.
            await ((Task)Task.WhenAll(starting)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            hosts.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            cancellationToken.ThrowIfCancellationRequested();
            var failures = starting.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.Message).ToList();
            if (failures.Count > 0)
            {
                Console.Error.WriteLine("hosts did not start:\n" + string.Join('\n', failures));
                return 2;
            }

            Console.WriteLine($"hosts up in {clock.Elapsed.TotalSeconds:F1} s: " + string.Join(", ", hosts.Select(h => $"{h.Name} {h.BaseAddress}")));
            return await run.MeasureAsync(hosts, pubSub.Host, project, fake, warmup, measured, logs, cancellationToken);
        }
        finally
        {
            await Task.WhenAll(hosts.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private async Task<int> MeasureAsync(
        List<FunctionProcess> hosts, string pubSubHost, string project, FakeGoogleServer fake, string[] warmup, string[] measured, string logs, CancellationToken cancellationToken)
    {
        var (evaluate, remediate, history) = (hosts[0], hosts[1], hosts[2]);
        using var pubSubHttp = GoogleHttpClients.ForEmulator(new Uri($"http://{pubSubHost}/"));
        var pubSubOptions = new PubSubClientOptions { ProjectId = project, Endpoint = pubSubHttp.BaseAddress!, IsEmulator = true };
        var admin = new PubSubAdminClient(pubSubHttp, pubSubOptions);
        await admin.CreateTopicAsync(AuditTopic, cancellationToken);
        await admin.CreateTopicAsync(RemediationsTopic, cancellationToken);
        await admin.CreatePushSubscriptionAsync("audit-to-evaluate", AuditTopic, evaluate.BaseAddress, cancellationToken: cancellationToken);
        await admin.CreatePushSubscriptionAsync("remediations-to-remediate", RemediationsTopic, remediate.BaseAddress, cancellationToken: cancellationToken);
        _publisher = new PubSubPublisher(pubSubHttp, pubSubOptions);

        using var historyHttp = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = _options.Concurrency + 1 })
        {
            BaseAddress = history.BaseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };
        _history = new HistoryReader(historyHttp);

        // Warm-up, not measured: JIT and connection pools in every process, and how many violations a bucket opens.
        int? expected = null;
        for (var i = 0; i < warmup.Length; i++)
        {
            var timing = await TimeEventAsync(warmup[i], expected, TimeSpan.FromSeconds(Math.Max(120, _options.Timeout.TotalSeconds)), cancellationToken);
            var count = (await _history.ViolationsAsync(timing.FullName, cancellationToken)).Count;
            Console.WriteLine($"warm-up {i + 1}/{warmup.Length}: {(timing.Completed ? $"{timing.Latency.TotalMilliseconds:F0} ms, {count} violations remediated" : "FAILED: " + timing.LastSeen)}");
            var problem = !timing.Completed ? "a warm-up event did not complete"
                : expected is { } n && n != count ? $"a warm-up bucket opened {count} violations, the first {n}"
                : null;
            if (problem is not null)
            {
                Console.Error.WriteLine("FAIL: " + problem);
                PrintLogTails(hosts);
                return 1;
            }

            expected ??= count;
        }

        Console.WriteLine($"each bucket opens {expected} violations; measuring {measured.Length} events");
        var results = new EventTiming[measured.Length];
        var next = -1;
        var done = 0;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < measured.Length)
                {
                    results[index] = await TimeEventAsync(measured[index], expected, _options.Timeout, cancellationToken);
                    var finished = Interlocked.Increment(ref done);
                    if (finished % 25 == 0 || !results[index].Completed)
                    {
                        Console.WriteLine($"{finished}/{measured.Length}: {measured[index]} {(results[index].Completed ? $"{results[index].Latency.TotalMilliseconds:F0} ms" : "TIMED OUT, last seen " + results[index].LastSeen)}");
                    }
                }
            },
            cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = wall.Elapsed;

        var exitCode = 0;
        var completed = results.Where(r => r.Completed).ToList();
        var latencies = new Percentiles(completed.Select(r => r.Latency.TotalMilliseconds));
        var evaluated = new Percentiles(completed.Where(r => r.Evaluated is not null).Select(r => r.Evaluated!.Value.TotalMilliseconds));
        var publishCalls = new Percentiles(results.Select(r => r.PublishCall.TotalMilliseconds));
        Console.WriteLine();
        Console.WriteLine("| Events | Concurrency | Completed | p50 ms | p90 ms | p99 ms | max ms | min ms | mean ms | Wall s | Events/s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {measured.Length} | {_options.Concurrency} | {completed.Count} | {Percentiles.Ms(latencies.At(50))} | {Percentiles.Ms(latencies.At(90))} | {Percentiles.Ms(latencies.At(99))} | {Percentiles.Ms(latencies.Max)} | {Percentiles.Ms(latencies.Min)} | {Percentiles.Ms(latencies.Mean)} | {elapsed.TotalSeconds:F1} | {completed.Count / elapsed.TotalSeconds:F1} |");
        Console.WriteLine();
        Console.WriteLine($"publish → all {expected} violations visible in History (any status): p50 {Percentiles.Ms(evaluated.At(50))} ms, p90 {Percentiles.Ms(evaluated.At(90))} ms, p99 {Percentiles.Ms(evaluated.At(99))} ms");
        Console.WriteLine($"publish call to the emulator: p50 {Percentiles.Ms(publishCalls.At(50))} ms, p99 {Percentiles.Ms(publishCalls.At(99))} ms; History polls per event: p50 {new Percentiles(completed.Select(r => (double)r.Polls)).At(50):F0}");

        if (!_historyErrors.IsEmpty)
        {
            Console.WriteLine($"History refused {_historyErrors.Count} poll(s), e.g. {_historyErrors.First()}");
        }

        if (completed.Count < results.Length)
        {
            Console.Error.WriteLine($"FAIL: {results.Length - completed.Count} event(s) not remediated and visible within {_options.Timeout.TotalSeconds:F0} s");
            exitCode = 1;
        }

        await PrintStagesAsync(completed, cancellationToken);

        // The fake saw every call the plans made: a successful write twice to the same target means a plan ran twice.
        var writes = fake.Calls.Where(c => c.Method != "GET" && c.Operation != "operations.get" && c.Status is >= 200 and < 300).ToList();
        var repeated = writes.GroupBy(c => (c.Method, c.Host, c.Path)).Where(g => g.Count() > 1).ToList();
        Console.WriteLine($"google stand-in: {writes.Count} successful writes for {warmup.Length + measured.Length} buckets ({string.Join(", ", writes.GroupBy(c => c.Operation).Select(g => $"{g.Key} × {g.Count()}"))})");
        if (repeated.Count > 0)
        {
            Console.Error.WriteLine($"FAIL: {repeated.Count} plan step(s) executed more than once, e.g. {repeated[0].Key.Method} {repeated[0].Key.Host}/{repeated[0].Key.Path} × {repeated[0].Count()}");
            exitCode = 1;
        }

        var unfixed = warmup.Concat(measured)
            .Select(b => (Bucket: b, Problem: PublicBucketScenario.CheckFixed(fake, PublicBucketScenario.FullName(b))))
            .Where(x => x.Problem is not null)
            .ToList();
        Console.WriteLine($"buckets fixed on the stand-in (public members gone, public access prevention enforced): {warmup.Length + measured.Length - unfixed.Count}/{warmup.Length + measured.Length}");
        if (unfixed.Count > 0)
        {
            Console.Error.WriteLine($"FAIL: {unfixed.Count} bucket(s) not fixed, e.g. {unfixed[0].Bucket}: {unfixed[0].Problem}");
            exitCode = 1;
        }

        if (hosts.FirstOrDefault(h => h.HasExited) is { } exited)
        {
            Console.Error.WriteLine($"FAIL: {exited.Name} exited during the run");
            exitCode = 1;
        }

        if (exitCode != 0)
        {
            PrintLogTails(hosts);
        }
        else
        {
            Directory.Delete(logs, recursive: true);
        }

        Console.WriteLine($"load average at end: {LoadAverage()}");
        return exitCode;
    }

    /// <summary>
    /// Publishes the bucket's audit-log entry and polls History until every violation of the bucket is remediated:
    /// <paramref name="expected"/> of them, or, when unknown (warm-up), as many as there are once the event is evaluated.
    /// </summary>
    private async Task<EventTiming> TimeEventAsync(string bucket, int? expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var fullName = PublicBucketScenario.FullName(bucket);
        var publishedAt = _time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        await _publisher.PublishAsync(AuditTopic, _scenario.EventFor(bucket, publishedAt), cancellationToken);
        var publishCall = Stopwatch.GetElapsedTime(started);
        TimeSpan? allVisible = null;
        var polls = 0;
        while (true)
        {
            bool eventEvaluated;
            IReadOnlyList<ViolationView> violations;
            try
            {
                // Warm-up: the event's outcome first, so the violations read after it are all there is.
                eventEvaluated = expected is null && (await _history.EventsAsync(fullName, cancellationToken)).Any(e => e.Outcome == "evaluated");
                violations = await _history.ViolationsAsync(fullName, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                // A refused query (e.g. a 503 while the store is busy) is "not visible yet"; the timeout still applies.
                eventEvaluated = false;
                violations = [];
                _historyErrors.Add(ex.Message);
            }

            var answered = Stopwatch.GetElapsedTime(started);
            polls++;
            var allThere = expected is { } n ? violations.Count == n : eventEvaluated && violations.Count > 0;
            if (allThere)
            {
                allVisible ??= answered;
                if (violations.All(v => v.Status == "remediated"))
                {
                    return new EventTiming(bucket, fullName, true, answered, allVisible, publishCall, polls, publishedAt, _time.GetUtcNow(), Describe(violations));
                }
            }

            if (answered > timeout)
            {
                return new EventTiming(bucket, fullName, false, answered, allVisible, publishCall, polls, publishedAt, _time.GetUtcNow(), Describe(violations));
            }

            await Task.Delay(_options.PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Where the time goes, from the hosts' own records (same machine clock): for the violation closed last,
    /// publish → Evaluate received the push → violation recorded → Remediate claimed it → closed as remediated → seen.
    /// Read after the measured phase, so these queries do not load it.
    /// </summary>
    private async Task PrintStagesAsync(List<EventTiming> completed, CancellationToken cancellationToken)
    {
        var stages = new List<double>[5];
        for (var s = 0; s < stages.Length; s++)
        {
            stages[s] = [];
        }

        var retried = 0;
        foreach (var timing in completed)
        {
            var received = (await _history.EventsAsync(timing.FullName, cancellationToken)).Select(e => e.ReceivedAt).DefaultIfEmpty().Min();
            var violations = await _history.ViolationsAsync(timing.FullName, cancellationToken);
            var remediations = await _history.RemediationsAsync(timing.FullName, cancellationToken);
            retried += remediations.Count(r => r.Attempts > 1);
            var last = violations.Where(v => v.ClosedAt is not null).MaxBy(v => v.ClosedAt);
            var claim = last is null ? null : remediations.Where(r => r.PolicyId == last.PolicyId).MinBy(r => r.ClaimedAt);
            if (received == default || last is null || claim is null)
            {
                continue;
            }

            stages[0].Add((received - timing.PublishedAt).TotalMilliseconds);
            stages[1].Add((last.OpenedAt - received).TotalMilliseconds);
            stages[2].Add((claim.ClaimedAt - last.OpenedAt).TotalMilliseconds);
            stages[3].Add((last.ClosedAt!.Value - claim.ClaimedAt).TotalMilliseconds);
            stages[4].Add((timing.SeenAt - last.ClosedAt.Value).TotalMilliseconds);
        }

        string[] names =
        [
            "publish → Evaluate received the push (audit topic)",
            "received → violation recorded (read bucket + IAM, policies, Firestore writes)",
            "recorded → Remediate claimed it (remediations topic push)",
            "claimed → closed as remediated (re-read, plan call, verify, Firestore writes)",
            "closed → seen by the poller (History query + poll interval)",
        ];
        Console.WriteLine();
        Console.WriteLine($"Stages of the violation closed last, from the hosts' timestamps ({stages[0].Count} events; remediations redelivered: {retried}):");
        Console.WriteLine();
        Console.WriteLine("| Stage | p50 ms | p90 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var s = 0; s < stages.Length; s++)
        {
            var p = new Percentiles(stages[s]);
            Console.WriteLine($"| {names[s]} | {Percentiles.Ms(p.At(50))} | {Percentiles.Ms(p.At(90))} | {Percentiles.Ms(p.At(99))} |");
        }

        Console.WriteLine();
    }

    private static string Describe(IReadOnlyList<ViolationView> violations) =>
        violations.Count == 0 ? "no violation yet" : string.Join(", ", violations.Select(v => $"{v.PolicyId} {v.Status}"));

    private static void PrintLogTails(IEnumerable<FunctionProcess> hosts)
    {
        foreach (var host in hosts)
        {
            Console.Error.WriteLine($"--- {host.Name} ({host.LogPath}), last lines:");
            Console.Error.WriteLine(host.ReadLogTail(15));
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
