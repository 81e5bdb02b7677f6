using Enforcer.Core.Storage;

namespace Enforcer.Functions.Tests.Storage;

// The enforcement records: evaluations, violations, remediation claims with leases, counters, quarantine, dead letters.
public abstract partial class EnforcerStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static RemediationRecord Claim(string id, string owner, DateTimeOffset leaseUntil) => new(
        id, "req-" + id, "storage_buckets_require_object_versioning", "//storage.googleapis.com/b", "storage.googleapis.com/Bucket",
        "enforce", RemediationRecord.Running, owner, leaseUntil, 1, Now, Now, null, null, []);

    private static RemediationStep Step(int index) => new(index, "patch", "id-" + index, "PATCH", "https://storage.googleapis.com/storage/v1/b/b", "{\"versioning\":{\"enabled\":true}}", RemediationStep.Done, 200, Now, null);

    [Fact]
    public async Task TryClaimRemediation_Fresh_IsAcquiredThenHeldWhileLeased()
    {
        var store = await CreateStoreAsync();

        var first = await store.TryClaimRemediationAsync(Claim("c1", "a", Now.AddMinutes(5)), Now, TestContext.Current.CancellationToken);
        var second = await store.TryClaimRemediationAsync(Claim("c1", "b", Now.AddMinutes(5)), Now.AddMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(ClaimStatus.Acquired, first.Status);
        Assert.Equal(ClaimStatus.Held, second.Status);
        Assert.Equal("a", second.Record.Owner);
    }

    [Fact]
    public async Task TryClaimRemediation_ConcurrentDeliveries_ExactlyOneOwns()
    {
        var store = await CreateStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            store.TryClaimRemediationAsync(Claim("race", "owner-" + i, Now.AddMinutes(5)), Now, TestContext.Current.CancellationToken)));

        Assert.Single(results, r => r.Owned);
        Assert.All(results.Where(r => !r.Owned), r => Assert.Equal(ClaimStatus.Held, r.Status));
    }

    [Fact]
    public async Task TryClaimRemediation_ExpiredLease_IsTakenOverWithItsStepsAndOldOwnerCannotSave()
    {
        var store = await CreateStoreAsync();
        var claim = await store.TryClaimRemediationAsync(Claim("c2", "crashed", Now.AddMinutes(5)), Now, TestContext.Current.CancellationToken);
        Assert.True(await store.SaveRemediationAsync(claim.Record with { Steps = [Step(0)] }, TestContext.Current.CancellationToken));

        var takeover = await store.TryClaimRemediationAsync(Claim("c2", "rescuer", Now.AddMinutes(20)), Now.AddMinutes(6), TestContext.Current.CancellationToken);

        Assert.Equal(ClaimStatus.TakenOver, takeover.Status);
        Assert.Equal("rescuer", takeover.Record.Owner);
        Assert.Equal(2, takeover.Record.Attempts);
        Assert.Equal([Step(0)], takeover.Record.Steps);
        Assert.False(await store.SaveRemediationAsync(claim.Record with { Status = RemediationRecord.Failed }, TestContext.Current.CancellationToken));
        Assert.Equal(RemediationRecord.Running, (await store.GetRemediationAsync("c2", TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task TryClaimRemediation_Finished_IsReportedFinishedEvenAfterLease()
    {
        var store = await CreateStoreAsync();
        var claim = await store.TryClaimRemediationAsync(Claim("c3", "a", Now.AddMinutes(5)), Now, TestContext.Current.CancellationToken);
        await store.SaveRemediationAsync(claim.Record with { Status = RemediationRecord.Succeeded, Verified = true }, TestContext.Current.CancellationToken);

        var again = await store.TryClaimRemediationAsync(Claim("c3", "b", Now.AddHours(1)), Now.AddHours(1), TestContext.Current.CancellationToken);

        Assert.Equal(ClaimStatus.Finished, again.Status);
        Assert.True(again.Record.Verified);
    }

    [Fact]
    public async Task IncrementCounter_Concurrent_CountsEveryIncrement()
    {
        var store = await CreateStoreAsync();

        var values = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.IncrementCounterAsync("rate-x", Now.AddHours(1), TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), values.Order());
        Assert.Equal(1, await store.IncrementCounterAsync("rate-y", Now.AddHours(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Quarantine_CreateOnceReadRelease()
    {
        var store = await CreateStoreAsync();
        var record = new QuarantineRecord("q", "//storage.googleapis.com/q", "storage.googleapis.com/Bucket", "p", Now, "3 remediations in 1h", 3);

        Assert.True(await store.TryQuarantineAsync(record, TestContext.Current.CancellationToken));
        Assert.False(await store.TryQuarantineAsync(record with { Reason = "again" }, TestContext.Current.CancellationToken));
        Assert.Equal("3 remediations in 1h", (await store.GetQuarantineAsync(record.ResourceName, TestContext.Current.CancellationToken))?.Reason);
        Assert.True(await store.ReleaseQuarantineAsync(record.ResourceName, TestContext.Current.CancellationToken));
        Assert.Null(await store.GetQuarantineAsync(record.ResourceName, TestContext.Current.CancellationToken));
        Assert.False(await store.ReleaseQuarantineAsync(record.ResourceName, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Violations_ActiveAreListedByResourceAndClosedAreNot()
    {
        var store = await CreateStoreAsync();
        ViolationRecord Violation(string resource, string policy, string status) => new(
            StoreKeys.Violation(resource, policy), resource, "storage.googleapis.com/Bucket", "p1", policy, "HIGH", status, Now, Now, status is ViolationRecord.Open or ViolationRecord.Quarantined ? null : Now, null, "m", 1, "e1");
        await store.PutViolationAsync(Violation("//r/a", "p1", ViolationRecord.Open), TestContext.Current.CancellationToken);
        await store.PutViolationAsync(Violation("//r/a", "p2", ViolationRecord.Resolved), TestContext.Current.CancellationToken);
        await store.PutViolationAsync(Violation("//r/a", "p3", ViolationRecord.Quarantined), TestContext.Current.CancellationToken);
        await store.PutViolationAsync(Violation("//r/a", "p4", ViolationRecord.Excluded), TestContext.Current.CancellationToken);
        await store.PutViolationAsync(Violation("//r/b", "p1", ViolationRecord.Open), TestContext.Current.CancellationToken);

        var open = await store.ListOpenViolationsAsync("//r/a", TestContext.Current.CancellationToken);

        Assert.Equal(
            [.. new[] { Violation("//r/a", "p1", ViolationRecord.Open), Violation("//r/a", "p3", ViolationRecord.Quarantined) }.OrderBy(v => v.Id, StringComparer.Ordinal)],
            open);
        Assert.Equal(Violation("//r/a", "p2", ViolationRecord.Resolved), await store.GetViolationAsync(StoreKeys.Violation("//r/a", "p2"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Evaluation_AndDeadLetter_RoundTrip()
    {
        var store = await CreateStoreAsync();
        var evaluation = new EvaluationRecord("ev1", "e1", Now, "//r/a", "storage.googleapis.com/Bucket", "p1", "pol", "LOW", false, false, "remediate", ["mode enforce", "severity LOW >= LOW"], "req1");
        var dead = new DeadLetterRecord("d1", "req1", "pol", "//r/a", Now, "retries exhausted", 5, "{}");

        await store.RecordEvaluationAsync(evaluation, TestContext.Current.CancellationToken);
        await store.RecordDeadLetterAsync(dead, TestContext.Current.CancellationToken);
        await store.RecordDeadLetterAsync(dead with { Reason = "second" }, TestContext.Current.CancellationToken);

        var read = await store.GetEvaluationAsync("ev1", TestContext.Current.CancellationToken);
        Assert.NotNull(read);
        Assert.Equal(evaluation.Reasons, read.Reasons);
        Assert.Equal(evaluation with { Reasons = read.Reasons }, read);
        Assert.Equal(dead, await store.GetDeadLetterAsync("d1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CompleteEvent_SetsOutcomeOfRecordedEvent()
    {
        var store = await CreateStoreAsync();
        await store.TryRecordEventAsync(Event("done", 1, "//storage.googleapis.com/x"), TestContext.Current.CancellationToken);

        await store.CompleteEventAsync("done", "evaluated", "2 decisions", TestContext.Current.CancellationToken);

        var stored = await store.GetEventAsync("done", TestContext.Current.CancellationToken);
        Assert.Equal(("evaluated", "2 decisions"), (stored?.Outcome, stored?.Reason));
    }
}
