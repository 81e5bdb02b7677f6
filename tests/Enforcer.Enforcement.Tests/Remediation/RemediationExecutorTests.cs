using Enforcer.Core.Processing;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.FakeGoogle;
using Enforcer.TestSupport;

namespace Enforcer.Enforcement.Tests.Remediation;

/// <summary>The executor over the fake Google API and the Firestore emulator (the "done when" list).</summary>
public sealed class RemediationExecutorTests(EmulatorFixture emulators)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_FiftyConcurrentDeliveries_PatchesExactlyOnce()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("fifty");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);
        var executor = h.Executor();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => executor.ExecuteAsync(request, "{}", Token), Token)));

        Assert.Single(h.Writes());
        Assert.Contains(outcomes, o => o.Status == ProcessingStatus.Completed && o.Detail.Contains("succeeded", StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.True(o.Status is ProcessingStatus.Completed or ProcessingStatus.Transient, o.Detail));
        var record = await h.Store.GetRemediationAsync(request.RequestId, Token);
        Assert.Equal(RemediationRecord.Succeeded, record?.Status);
        Assert.True(record?.Verified);
        Assert.True(h.Fake.GetResource(Harness.BucketType, name)!["versioning"]!["enabled"]!.GetValue<bool>());

        // A redelivery after the fact does nothing.
        var late = await executor.ExecuteAsync(request, "{}", Token);
        Assert.Equal(ProcessingStatus.Completed, late.Status);
        Assert.Single(h.Writes());
    }

    [Fact]
    public async Task Execute_DryRun_RecordsTheExactCallsAndMakesNone()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("dry");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy, EnforcementMode.DryRun);

        var outcome = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Completed, outcome.Status);
        Assert.DoesNotContain(h.Fake.Calls, c => c.Method != "GET");
        var record = await h.Store.GetRemediationAsync(request.RequestId, Token);
        Assert.Equal(RemediationRecord.DryRun, record?.Status);
        var step = Assert.Single(record!.Steps);
        Assert.Equal((RemediationStep.WouldCall, "PATCH", "patch"), (step.Status, step.Verb, step.Method));
        Assert.Equal(new Uri(h.Fake.BaseUrlFor("storage.googleapis.com"), "storage/v1/b/dry?ifMetagenerationMatch=1").ToString(), step.Url);
        Assert.Equal("{\"versioning\":{\"enabled\":true}}", step.Body);
        Assert.False(h.Fake.GetResource(Harness.BucketType, name)!["versioning"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Execute_GlobalModeOffAtRemediate_OverridesAnEnforceRequest()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.Options = h.Options with { Mode = EnforcementMode.Off };
        var name = h.SeedBucket("killswitch");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);

        var outcome = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Completed, outcome.Status);
        Assert.Empty(h.Writes());
        Assert.Equal(RemediationRecord.Skipped, (await h.Store.GetRemediationAsync(request.RequestId, Token))?.Status);
    }

    [Fact]
    public async Task Execute_StaleMetageneration_RereadsReplansAndSucceeds()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("stale");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);
        h.Fake.InjectFault("ifMetagenerationMatch", 412, 1, GoogleErrors.For(412, "At least one of the pre-conditions you specified did not hold."));

        var outcome = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Completed, outcome.Status);
        Assert.Equal([412, 200], h.Writes().Select(c => c.Status));
        var record = await h.Store.GetRemediationAsync(request.RequestId, Token);
        Assert.Equal([RemediationStep.Conflict, RemediationStep.Done], record!.Steps.Select(s => s.Status));
        Assert.Equal(RemediationRecord.Succeeded, record.Status);
    }

    [Fact]
    public async Task Execute_ConflictsEveryTime_IsTransientAfterBoundedReplans()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.Options = h.Options with { MaxReplans = 2 };
        var name = h.SeedBucket("always-stale");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);
        h.Fake.InjectFault("ifMetagenerationMatch", 412, 100, GoogleErrors.For(412, "At least one of the pre-conditions you specified did not hold."));

        var outcome = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Transient, outcome.Status);
        Assert.Equal(3, h.Writes().Count);
    }

    [Fact]
    public async Task Execute_CrashAfterClaim_LaterDeliveryTakesOverWithoutRepeatingDoneSteps()
    {
        var engine = new TwoStepBucketEngine();
        await using var h = await Harness.StartAsync(emulators, engine);
        var name = h.SeedBucket("crash");
        var request = await h.RequestForAsync(Harness.BucketType, name, TwoStepBucketEngine.PolicyId);

        // The first owner dies while sending step 2: step 1 is done and recorded, the lease stays.
        using (var crashing = new CrashOnNthWrite(2))
        {
            await Assert.ThrowsAsync<CrashOnNthWrite.SimulatedCrash>(() => h.Executor(crashing).ExecuteAsync(request, "{}", Token));
        }

        var held = await h.Executor().ExecuteAsync(request, "{}", Token);
        Assert.Equal(ProcessingStatus.Transient, held.Status);

        h.Time.Advance(h.Options.Lease + TimeSpan.FromSeconds(1));
        var recovered = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Completed, recovered.Status);
        Assert.Equal(["versioning", "labels"], h.Writes().Select(c => c.Body.Contains("versioning", StringComparison.Ordinal) ? "versioning" : "labels"));
        var record = await h.Store.GetRemediationAsync(request.RequestId, Token);
        Assert.Equal((RemediationRecord.Succeeded, 2, true), (record!.Status, record.Attempts, record.Verified));
        Assert.Equal([0, 1], record.Steps.Select(s => s.Index));
    }

    [Fact]
    public async Task Execute_HumanFlipsBack_RemediatedAgainUntilTheCapThenQuarantinedWithAlert()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.Options = h.Options with { ResourceCap = 2, ResourceWindow = TimeSpan.FromHours(1) };
        var name = h.SeedBucket("flip");
        var outcomes = new List<ProcessingOutcome>();
        for (var round = 0; round < 4; round++)
        {
            var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);
            outcomes.Add(await h.Executor().ExecuteAsync(request, "{}", Token));
            await h.HumanPatchBucketAsync("flip", "{\"versioning\":{\"enabled\":false}}");
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        var fixes = h.Writes().Where(c => c.Body.Contains("\"enabled\":true", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, fixes.Count);
        Assert.All(outcomes, o => Assert.Equal(ProcessingStatus.Completed, o.Status));
        Assert.Contains("quarantined", outcomes[2].Detail, StringComparison.Ordinal);
        Assert.Contains("quarantined", outcomes[3].Detail, StringComparison.Ordinal);
        var quarantine = await h.Store.GetQuarantineAsync(name, Token);
        Assert.NotNull(quarantine);
        Assert.Equal(3, quarantine.RemediationsInWindow);
        var alert = Assert.Single(h.Alerts.Alerts);
        Assert.Equal(("quarantine", name), (alert.Kind, alert.ResourceName));

        // An operator releases it: the next violation is fixed again.
        Assert.True(await h.Store.ReleaseQuarantineAsync(name, Token));
        h.Time.Advance(TimeSpan.FromHours(1));
        var again = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);
        var fixedAgain = await h.Executor().ExecuteAsync(again, "{}", Token);
        Assert.Contains("succeeded", fixedAgain.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BeforeTheEnforcementDelay_IsTransientWithoutClaimingThenRunsWhenDue()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("delayed");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy, notBefore: h.Time.GetUtcNow().AddMinutes(10));

        var early = await h.Executor().ExecuteAsync(request, "{}", Token);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var due = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Transient, early.Status);
        Assert.Contains("enforcement delay", early.Detail, StringComparison.Ordinal);
        Assert.Equal(ProcessingStatus.Completed, due.Status);
        Assert.Single(h.Writes());
    }

    [Fact]
    public async Task Execute_CompliantByTheTimeItRuns_SkipsWithoutCalls()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("fixed-by-human");
        var request = await h.RequestForAsync(Harness.BucketType, name, Harness.VersioningPolicy);
        await h.HumanPatchBucketAsync("fixed-by-human", "{\"versioning\":{\"enabled\":true}}");
        h.Fake.ClearCalls();

        var outcome = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Completed, outcome.Status);
        Assert.Empty(h.Writes());
        Assert.Equal(RemediationRecord.Skipped, (await h.Store.GetRemediationAsync(request.RequestId, Token))?.Status);
    }

    [Fact]
    public async Task Execute_ResourceNotReady_TransientThenSucceedsWithOperation()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = SeedSqlInstance(h, "db-ready");
        var request = await h.RequestForAsync(SqlType, name, SslPolicy);
        h.Fake.SetPending(SqlType, name, "MAINTENANCE", readsUntilReady: 1);

        var first = await h.Executor().ExecuteAsync(request, "{}", Token);
        var second = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Transient, first.Status);
        Assert.Contains("MAINTENANCE", first.Detail, StringComparison.Ordinal);
        Assert.Equal(ProcessingStatus.Completed, second.Status);
        Assert.Contains("succeeded", second.Detail, StringComparison.Ordinal);
        Assert.Single(h.Writes());
        Assert.Contains(h.Fake.Calls, c => c.Operation == "operations.get");
    }

    [Fact]
    public async Task Execute_ResourceNeverReady_RetriesAreBoundedThenDeadLettered()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.Options = h.Options with { MaxAttempts = 3 };
        var name = SeedSqlInstance(h, "db-stuck");
        var request = await h.RequestForAsync(SqlType, name, SslPolicy);
        h.Fake.SetPending(SqlType, name, "MAINTENANCE", readsUntilReady: 1000);

        var outcomes = new List<ProcessingOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await h.Executor().ExecuteAsync(request, "{\"request_id\":\"x\"}", Token));
        }

        Assert.Equal([ProcessingStatus.Transient, ProcessingStatus.Transient, ProcessingStatus.Transient, ProcessingStatus.Permanent, ProcessingStatus.Completed], outcomes.Select(o => o.Status));
        Assert.Empty(h.Writes());
        var dead = await h.Store.GetDeadLetterAsync(request.RequestId, Token);
        Assert.NotNull(dead);
        Assert.Contains("MAINTENANCE", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(3, dead.Attempts);
        Assert.Contains(h.Alerts.Alerts, a => a.Kind == "dead-letter");
    }

    private const string SqlType = "sqladmin.googleapis.com/Instance";
    private const string SslPolicy = "sql_instances_require_ssl";

    private static string SeedSqlInstance(Harness h, string instance) =>
        h.Fake.Seed(SqlType, $"//cloudsql.googleapis.com/projects/p1/instances/{instance}", new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = instance,
            ["project"] = "p1",
            ["state"] = "RUNNABLE",
            ["databaseVersion"] = "POSTGRES_15",
            ["settings"] = new System.Text.Json.Nodes.JsonObject
            {
                ["ipConfiguration"] = new System.Text.Json.Nodes.JsonObject { ["sslMode"] = "ALLOW_UNENCRYPTED_AND_ENCRYPTED", ["requireSsl"] = false },
            },
        });
}
