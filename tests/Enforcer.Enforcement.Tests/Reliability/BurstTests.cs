using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Processing;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Enforcement.Pipeline;
using Enforcer.Enforcement.Remediation;
using Enforcer.Enforcement.Tests.Pipeline;
using Enforcer.FakeGoogle;
using Enforcer.Hosting.Storage;
using Enforcer.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Enforcement.Tests.Reliability;

/// <summary>
/// A burst of audit events through Evaluate and Remediate as the platform would deliver them: 10% duplicate
/// deliveries, the policy engine answering 503 to 20% of evaluations, the store failing 5% of calls (before or after
/// they took effect), and Google's API answering 429, 412 and 409 now and then. Every transient answer is redelivered
/// (the platform's retry) until the work settles. At the end every event is accounted for, every violation is
/// recorded once, and no remediation plan ran twice.
/// Sizes: ENFORCER_BURST_EVENTS (default 10,000 over the in-memory store; 1,000 over the Firestore emulator).
/// </summary>
public sealed class BurstTests(EmulatorFixture emulators)
{
    private const string BucketType = "storage.googleapis.com/Bucket";
    private const int Buckets = 200;
    private const int MaxRounds = 60;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static int EventsFromEnvironment(int fallback) =>
        Environment.GetEnvironmentVariable("ENFORCER_BURST_EVENTS") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    [Fact]
    public Task Burst_InMemoryStore_EveryEventAccountedForAndNoPlanRunTwice() => RunAsync(new InMemoryEnforcerStore(), EventsFromEnvironment(10_000));

    [Fact]
    public Task Burst_FirestoreEmulator_EveryEventAccountedForAndNoPlanRunTwice()
    {
        if (emulators.FirestoreHost is null && !EmulatorFixture.IsCi)
        {
            Assert.Skip("the Firestore emulator is not available (required under CI)");
        }

        emulators.RequireFirestore();
        var store = new FirestoreEnforcerStore(emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId()), new FirestoreStoreOptions(TimeSpan.FromDays(30)));
        return RunAsync(store, Math.Min(EventsFromEnvironment(1_000), 1_000));
    }

    private static async Task RunAsync(IEnforcerStore realStore, int events)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await using var fake = await FakeGoogleServer.StartAsync(time: time);
        using var http = new HttpClient();
        for (var i = 0; i < Buckets; i++)
        {
            // Versioning off and no uniform access: two remediable violations per bucket; every 4th is also public.
            JsonObject? iam = i % 4 == 0
                ? new JsonObject { ["bindings"] = new JsonArray(new JsonObject { ["role"] = "roles/storage.objectViewer", ["members"] = new JsonArray("allUsers", "group:data@acme.example") }) }
                : null;
            fake.Seed(BucketType, new Dictionary<string, string> { ["bucket"] = Name(i), ["project"] = "acme-prod" }, new JsonObject { ["name"] = Name(i), ["versioning"] = new JsonObject { ["enabled"] = false } }, iam);
        }

        var (store, flakyStore) = FlakyStore.Wrap(realStore, 0.05, seed: 11);
        var engine = new FlakyPolicyEngine(Policies.Embedded, 0.20, seed: 12);
        var options = new EnforcementOptions { Mode = EnforcementMode.Enforce, OperationPollInterval = TimeSpan.Zero, GlobalCap = 1_000_000, ResourceCap = 10, MaxAttempts = 1_000 };
        var evaluator = new ResourceEvaluator(new ResourceReader(http, ResourceCatalog.Default, new ResourceReaderOptions { BaseUrls = fake.BaseUrls }), engine);
        var requests = new ConcurrentQueue<RemediationRequest>();
        var pipeline = new EvaluationPipeline(store, new EventMapper(ResourceCatalog.Default), evaluator, new DecisionMaker(options, time), new QueuePublisher(requests), new RecordingFindingSink(), new EvaluationPipelineOptions(), time);
        var caller = new GoogleApiCaller(http, time, options.OperationPolls, options.OperationPollInterval, host => fake.BaseUrls.GetValueOrDefault(host));
        var executor = new RemediationExecutor(store, ResourceCatalog.Default, evaluator, caller, host => fake.BaseUrls.GetValueOrDefault(host), new RecordingAlertSink(), options, time);

        // The burst: one update per event on a random bucket, a tenth of them delivered twice.
        var random = new Random(13);
        var deliveries = new List<EventEnvelope>(events + (events / 10));
        var insertIds = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < events; e++)
        {
            var insertId = "burst-" + e.ToString(CultureInfo.InvariantCulture);
            insertIds.Add(insertId);
            var delivery = AuditEvents.Bucket(Name(random.Next(Buckets)), "storage.buckets.update", insertId, time.GetUtcNow().AddSeconds(-5));
            deliveries.Add(delivery);
            if (random.Next(10) == 0)
            {
                deliveries.Add(delivery with { DeliveryId = delivery.DeliveryId + "-again" });
            }
        }

        // Evaluate: deliver everything; redeliver what answered transient (503) or threw (500), round after round.
        var evaluateRounds = await DeliverUntilSettledAsync(deliveries, d => pipeline.ProcessAsync(d, Token), time, fake, random, writes: false);

        // Remediate: every published request (duplicates included, as Pub/Sub redelivers), until settled.
        var published = requests.ToArray();
        var distinctRequests = published.Select(r => r.RequestId).Distinct(StringComparer.Ordinal).ToList();
        var remediationDeliveries = published.Select(r => AuditEvents.Envelope(System.Text.Encoding.UTF8.GetString(r.ToUtf8Json()), r.RequestId)).ToList();
        var remediateRounds = await DeliverUntilSettledAsync(remediationDeliveries, d => executor.ProcessAsync(d, Token), time, fake, random, writes: true);

        // Every event is accounted for: recorded once, and settled (evaluated, or failed with its reason).
        var eventIds = deliveries.Select(d => d.Payload.GetProperty("insertId").GetString()!).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(events, eventIds.Count);
        var settled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var delivery in deliveries.DistinctBy(d => d.Payload.GetProperty("insertId").GetString()))
        {
            var id = EventIds.ForLogEntry(delivery.Payload.GetProperty("insertId").GetString()!, DateTimeOffset.Parse(delivery.Payload.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture));
            var record = await realStore.GetEventAsync(id, Token);
            Assert.NotNull(record);
            Assert.True(record.Outcome is EvaluationPipeline.Evaluated || (record.Outcome == "failed" && record.Reason is { Length: > 0 }), $"event {id} ended '{record.Outcome}'");
            settled[record.Outcome] = settled.GetValueOrDefault(record.Outcome) + 1;
        }

        Assert.True(settled.GetValueOrDefault(EvaluationPipeline.Evaluated) >= events * 9 / 10, "most events evaluate despite the faults: " + string.Join(", ", settled));

        // Every violation recorded once: one document per bucket × policy, each counting only distinct events.
        var violations = new List<ViolationRecord>();
        RecordCursor? cursor = null;
        do
        {
            var page = await realStore.ListViolationsAsync(new ViolationQuery(1000, cursor), Token);
            violations.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(violations.Count, violations.Select(v => (v.ResourceName, v.PolicyId)).Distinct().Count());
        Assert.All(violations, v => Assert.InRange(v.Evaluations, 1, events));

        // No plan ran twice: no successful write was ever repeated (a repeat would carry the same precondition and body),
        // and every step recorded done is a write the API served. (A write whose record was lost to a store fault is
        // not repeated either: the next owner re-reads, finds it compliant, and stops.)
        var writes = fake.Calls.Where(c => c.Method is "PATCH" or "PUT" or "POST" && c.Status is >= 200 and < 300 && c.Operation != "operations.get").ToList();
        var repeated = writes.GroupBy(c => (c.Method, c.Path, c.Query, c.Body)).Where(g => g.Count() > 1).ToList();
        Assert.True(repeated.Count == 0, "writes made twice: " + string.Join("; ", repeated.Select(g => $"{g.Key.Method} {g.Key.Path}?{g.Key.Query} x{g.Count()}")));
        var doneSteps = 0;
        foreach (var requestId in distinctRequests)
        {
            var record = await realStore.GetRemediationAsync(requestId, Token);
            Assert.NotNull(record);
            Assert.True(record.IsFinished, $"remediation {requestId} ended '{record.Status}': {record.Reason}");
            var done = record.Steps.Where(s => s.Status == RemediationStep.Done).ToList();
            Assert.Equal(done.Count, done.Select(s => s.Identity).Distinct(StringComparer.Ordinal).Count());
            doneSteps += done.Count;
        }

        Assert.InRange(doneSteps, 1, writes.Count);
        Assert.True(writes.Count >= Buckets, $"expected at least one fix per bucket, saw {writes.Count}");
        Assert.True(flakyStore.Failures > 0 && engine.Failures > 0, "faults were injected");
        TestContext.Current.SendDiagnosticMessage(
            $"burst: {events} events, {deliveries.Count} deliveries, {evaluateRounds} evaluate rounds, {published.Length} remediation deliveries of {distinctRequests.Count} requests, {remediateRounds} remediate rounds, {writes.Count} writes, {flakyStore.Failures} store faults, {engine.Failures} engine faults; outcomes {string.Join(", ", settled)}");
    }

    // The platform: deliver, and redeliver whatever answered 5xx, with time moving on between rounds (backoff; leases expire).
    private static async Task<int> DeliverUntilSettledAsync(List<EventEnvelope> deliveries, Func<EventEnvelope, Task<ProcessingOutcome>> handle, FakeTimeProvider time, FakeGoogleServer fake, Random random, bool writes)
    {
        var pending = deliveries;
        for (var round = 1; round <= MaxRounds; round++)
        {
            InjectApiFaults(fake, random, writes);
            var retry = new ConcurrentBag<EventEnvelope>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Token }, async (delivery, _) =>
            {
                try
                {
                    var outcome = await handle(delivery);
                    if (outcome.Status == ProcessingStatus.Transient)
                    {
                        retry.Add(delivery);
                    }
                }
                catch (StoreUnavailableException)
                {
                    retry.Add(delivery);
                }
            });

            if (retry.IsEmpty)
            {
                return round;
            }

            pending = [.. retry];
            time.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Fail($"{pending.Count} deliveries still unsettled after {MaxRounds} rounds");
        return MaxRounds;
    }

    private static void InjectApiFaults(FakeGoogleServer fake, Random random, bool writes)
    {
        for (var i = 0; i < 10; i++)
        {
            var bucket = "b/" + Name(random.Next(Buckets));
            if (!writes)
            {
                fake.InjectFault(bucket, 429);
                continue;
            }

            switch (random.Next(3))
            {
                case 0:
                    fake.InjectFault(bucket + "?ifMetagenerationMatch", 412);
                    break;
                case 1:
                    fake.InjectFault(bucket + "/iam", 409);
                    break;
                default:
                    fake.InjectFault(bucket + "?", 429);
                    break;
            }
        }
    }

    private static string Name(int i) => "burst-bucket-" + i.ToString("D3", CultureInfo.InvariantCulture);

    private sealed class QueuePublisher(ConcurrentQueue<RemediationRequest> queue) : IRemediationRequestPublisher
    {
        public ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken)
        {
            queue.Enqueue(request);
            return ValueTask.CompletedTask;
        }
    }
}
