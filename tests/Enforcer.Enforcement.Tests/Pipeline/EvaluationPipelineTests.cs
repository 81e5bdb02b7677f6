using System.Text.Json.Nodes;
using Enforcer.Core.Processing;
using Enforcer.Core.Storage;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Pipeline;
using Enforcer.TestSupport;

namespace Enforcer.Enforcement.Tests.Pipeline;

/// <summary>Evaluate end to end in-process: audit-log entry → live read (fake API) → policies → decisions → store and publish.</summary>
public sealed class EvaluationPipelineTests(EmulatorFixture emulators)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_NonCompliantBucketCreated_RecordsEvaluationsOpensViolationAndPublishesItsRemediation()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("raw");

        var result = await h.Pipeline().RunAsync(AuditEvents.Bucket("raw", "storage.buckets.create", "ins-1", h.Time.GetUtcNow().AddSeconds(-30)), Token);

        Assert.Equal(ProcessingStatus.Completed, result.Outcome.Status);
        var resource = Assert.Single(result.Resources);
        Assert.Equal(ResourceOutcomes.Evaluated, resource.Outcome);
        Assert.Equal(5, resource.Policies.Count);
        var versioning = Assert.Single(resource.Policies, p => p.PolicyId == Harness.VersioningPolicy);
        Assert.Equal(ViolationRecord.Open, versioning.ViolationStatus);
        Assert.NotNull(versioning.Request);
        Assert.Contains(h.Published.Published, r => r.PolicyId == Harness.VersioningPolicy && r.ResourceName == name && r.Mode == EnforcementMode.Enforce && r.EventId == result.EventId);

        var violation = await h.Store.GetViolationAsync(StoreKeys.Violation(name, Harness.VersioningPolicy), Token);
        Assert.Equal((ViolationRecord.Open, "acme-prod", 1), (violation?.Status, violation?.ProjectId, violation?.Evaluations));
        var evaluation = await h.Store.GetEvaluationAsync(StoreKeys.Of("e", result.EventId, name, Harness.VersioningPolicy), Token);
        Assert.Equal(("remediate", false, versioning.Request!.RequestId), (evaluation?.Action, evaluation?.Compliant, evaluation?.RemediationRequestId));
        Assert.Equal(EvaluationPipeline.Evaluated, (await h.Store.GetEventAsync(result.EventId, Token))?.Outcome);
        Assert.Equal(5, h.Findings.Findings.Count);
        Assert.Contains(h.Findings.Findings, f => f.PolicyId == Harness.VersioningPolicy && f.IsViolation && f.Principal == "alice@example.com");
    }

    [Fact]
    public async Task Run_RemediationFinishesBeforePublishReturns_ViolationEndsRemediated()
    {
        // A push subscription can deliver the request and Remediate can finish before Evaluate's publish call returns.
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("fast");
        var publisher = new ExecutingPublisher(h.Executor());

        var result = await h.Pipeline(publisher).RunAsync(AuditEvents.Bucket("fast", "storage.buckets.create", "ins-fast", h.Time.GetUtcNow().AddSeconds(-30)), Token);

        Assert.Equal(ProcessingStatus.Completed, result.Outcome.Status);
        Assert.NotEmpty(publisher.Outcomes);
        Assert.All(publisher.Outcomes, o => Assert.Equal(ProcessingStatus.Completed, o.Status));
        Assert.True(h.Fake.GetResource(Harness.BucketType, name)?["versioning"]?["enabled"]?.GetValue<bool>());
        var violation = await h.Store.GetViolationAsync(StoreKeys.Violation(name, Harness.VersioningPolicy), Token);
        Assert.Equal(ViolationRecord.Remediated, violation?.Status);
        Assert.NotNull(violation?.ClosedAt);
    }

    [Fact]
    public async Task Run_SameEntryDeliveredTwice_SecondIsADuplicateAndPublishesNothing()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.SeedBucket("dup");
        var pipeline = h.Pipeline();
        var at = h.Time.GetUtcNow().AddSeconds(-30);

        var first = await pipeline.RunAsync(AuditEvents.Bucket("dup", "storage.buckets.create", "ins-dup", at), Token);
        var published = h.Published.Published.Count;
        var second = await pipeline.RunAsync(AuditEvents.Bucket("dup", "storage.buckets.create", "ins-dup", at), Token);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(ProcessingStatus.Completed, second.Outcome.Status);
        Assert.Equal(published, h.Published.Published.Count);
        var violation = await h.Store.GetViolationAsync(StoreKeys.Violation("//storage.googleapis.com/dup", Harness.VersioningPolicy), Token);
        Assert.Equal(1, violation?.Evaluations);
    }

    [Fact]
    public async Task Run_TransientReadThenRedelivery_FirstAnswersTransientAndTheRedeliveryFinishesTheEvent()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.SeedBucket("flaky");
        h.Fake.InjectFault("/b/flaky", 503);
        var pipeline = h.Pipeline();
        var delivery = AuditEvents.Bucket("flaky", "storage.buckets.update", "ins-flaky", h.Time.GetUtcNow().AddSeconds(-30));

        var first = await pipeline.RunAsync(delivery, Token);
        Assert.Equal(ProcessingStatus.Transient, first.Outcome.Status);
        Assert.Equal(ResourceOutcomes.Retry, Assert.Single(first.Resources).Outcome);
        Assert.Equal(EvaluationPipeline.Pending, (await h.Store.GetEventAsync(first.EventId, Token))?.Outcome);

        var second = await pipeline.RunAsync(delivery, Token);
        Assert.False(second.Duplicate);
        Assert.Equal(ProcessingStatus.Completed, second.Outcome.Status);
        Assert.Equal(EvaluationPipeline.Evaluated, (await h.Store.GetEventAsync(first.EventId, Token))?.Outcome);
    }

    [Fact]
    public async Task Run_TransientReadOfAnOldEvent_GivesUpAndRecordsTheFailure()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.SeedBucket("old");
        h.Fake.InjectFault("/b/old", 503);

        var result = await h.Pipeline().RunAsync(AuditEvents.Bucket("old", "storage.buckets.update", "ins-old", h.Time.GetUtcNow().AddHours(-2)), Token);

        Assert.Equal(ProcessingStatus.Permanent, result.Outcome.Status);
        Assert.Equal(ResourceOutcomes.Failed, Assert.Single(result.Resources).Outcome);
        Assert.Equal("failed", (await h.Store.GetEventAsync(result.EventId, Token))?.Outcome);
    }

    [Fact]
    public async Task Run_FixedByAHuman_ClosesTheViolationAsResolved()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("fixed");
        var pipeline = h.Pipeline();
        await pipeline.RunAsync(AuditEvents.Bucket("fixed", "storage.buckets.create", "ins-f1", h.Time.GetUtcNow().AddSeconds(-60)), Token);

        await h.HumanPatchBucketAsync("fixed", "{\"versioning\":{\"enabled\":true}}");
        var result = await pipeline.RunAsync(AuditEvents.Bucket("fixed", "storage.buckets.update", "ins-f2", h.Time.GetUtcNow().AddSeconds(-10), "bob@example.com"), Token);

        Assert.Equal(ProcessingStatus.Completed, result.Outcome.Status);
        var violation = await h.Store.GetViolationAsync(StoreKeys.Violation(name, Harness.VersioningPolicy), Token);
        Assert.Equal((ViolationRecord.Resolved, "compliant"), (violation?.Status, violation?.CloseReason));
        Assert.NotNull(violation?.ClosedAt);
    }

    [Fact]
    public async Task Run_ExcludedByLabelAfterTheFact_ClosesTheViolationAsExcluded()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("labelled");
        var pipeline = h.Pipeline();
        await pipeline.RunAsync(AuditEvents.Bucket("labelled", "storage.buckets.create", "ins-l1", h.Time.GetUtcNow().AddSeconds(-60)), Token);

        await h.HumanPatchBucketAsync("labelled", "{\"labels\":{\"policy-enforcer\":\"disabled\"}}");
        var result = await pipeline.RunAsync(AuditEvents.Bucket("labelled", "storage.buckets.update", "ins-l2", h.Time.GetUtcNow().AddSeconds(-10)), Token);

        var decided = Assert.Single(Assert.Single(result.Resources).Policies, p => p.PolicyId == Harness.VersioningPolicy);
        Assert.True(decided.Result?.Excluded);
        Assert.Null(decided.Request);
        Assert.Equal(ViolationRecord.Excluded, (await h.Store.GetViolationAsync(StoreKeys.Violation(name, Harness.VersioningPolicy), Token))?.Status);
    }

    [Fact]
    public async Task Run_BucketDeleted_ResolvesEveryOpenViolationWithoutReadingIt()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("gone");
        var pipeline = h.Pipeline();
        var created = await pipeline.RunAsync(AuditEvents.Bucket("gone", "storage.buckets.create", "ins-g1", h.Time.GetUtcNow().AddSeconds(-60)), Token);
        var open = (await h.Store.ListOpenViolationsAsync(name, Token)).Count;
        Assert.True(open >= 1, $"expected open violations after the create, found {open}");
        h.Fake.ClearCalls();

        var deleted = await pipeline.RunAsync(AuditEvents.Bucket("gone", "storage.buckets.delete", "ins-g2", h.Time.GetUtcNow().AddSeconds(-5)), Token);

        Assert.Equal(ProcessingStatus.Completed, deleted.Outcome.Status);
        var resource = Assert.Single(deleted.Resources);
        Assert.Equal(ResourceOutcomes.Deleted, resource.Outcome);
        Assert.Equal(open, resource.Policies.Count);
        Assert.Empty(await h.Store.ListOpenViolationsAsync(name, Token));
        Assert.Empty(h.Fake.Calls);
        Assert.Contains(h.Findings.Findings, f => f.EventId == deleted.EventId && f.Action == "resolved");
        Assert.NotEqual(created.EventId, deleted.EventId);
    }

    [Fact]
    public async Task Run_PublishedRequestExecuted_ViolationBecomesRemediated()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("loop");
        await h.Pipeline().RunAsync(AuditEvents.Bucket("loop", "storage.buckets.create", "ins-x1", h.Time.GetUtcNow().AddSeconds(-30)), Token);
        var request = Assert.Single(h.Published.Published, r => r.PolicyId == Harness.VersioningPolicy);

        var outcome = await h.Executor().ExecuteAsync(request, "{}", Token);

        Assert.Equal(ProcessingStatus.Completed, outcome.Status);
        var violation = await h.Store.GetViolationAsync(StoreKeys.Violation(name, Harness.VersioningPolicy), Token);
        Assert.Equal(ViolationRecord.Remediated, violation?.Status);
        Assert.NotNull(violation?.ClosedAt);
    }

    [Fact]
    public async Task Run_EnforcerOwnChangeStillViolating_NotifiesInsteadOfRemediating()
    {
        await using var h = await Harness.StartAsync(emulators);
        h.Options = h.Options with { OwnServiceAccounts = new HashSet<string>(["enforcer@acme.iam.gserviceaccount.com"], StringComparer.OrdinalIgnoreCase) };
        h.SeedBucket("own");

        var result = await h.Pipeline().RunAsync(AuditEvents.Bucket("own", "storage.buckets.update", "ins-own", h.Time.GetUtcNow().AddSeconds(-30), "enforcer@acme.iam.gserviceaccount.com"), Token);

        var decided = Assert.Single(Assert.Single(result.Resources).Policies, p => p.PolicyId == Harness.VersioningPolicy);
        Assert.Equal("notify", decided.Decision?.ActionName);
        Assert.Empty(h.Published.Published);
    }

    [Fact]
    public async Task Run_SinkThrows_DecisionStandsAndTheOutcomeSaysSo()
    {
        await using var h = await Harness.StartAsync(emulators);
        var name = h.SeedBucket("noisy");
        h.Findings.Throw = true;

        var result = await h.Pipeline().RunAsync(AuditEvents.Bucket("noisy", "storage.buckets.create", "ins-n", h.Time.GetUtcNow().AddSeconds(-30)), Token);

        Assert.Equal(ProcessingStatus.Completed, result.Outcome.Status);
        Assert.Contains("finding sinks failed", result.Outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(ViolationRecord.Open, (await h.Store.GetViolationAsync(StoreKeys.Violation(name, Harness.VersioningPolicy), Token))?.Status);
    }

    [Fact]
    public async Task Run_UnmappableEntry_IsRecordedAsIgnored()
    {
        await using var h = await Harness.StartAsync(emulators);
        var entry = new JsonObject
        {
            ["insertId"] = "ins-read",
            ["logName"] = "projects/acme-prod/logs/cloudaudit.googleapis.com%2Fdata_access",
            ["protoPayload"] = new JsonObject { ["serviceName"] = "storage.googleapis.com", ["methodName"] = "storage.objects.get", ["resourceName"] = "projects/_/buckets/b/objects/o" },
        };

        var result = await h.Pipeline().RunAsync(AuditEvents.Envelope(entry.ToJsonString(), "m-read"), Token);

        Assert.Equal(ProcessingStatus.Ignored, result.Outcome.Status);
        Assert.Equal("ignored", (await h.Store.GetEventAsync(result.EventId, Token))?.Outcome);
        Assert.Empty(h.Fake.Calls);
    }
}
