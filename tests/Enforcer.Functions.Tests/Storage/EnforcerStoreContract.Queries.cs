using Enforcer.Core.Storage;

namespace Enforcer.Functions.Tests.Storage;

// The History listings: filters, time windows, newest-first paging without gaps or repeats, and summary counts.
public abstract partial class EnforcerStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static ViolationRecord V(string resource, string policy, string project, string severity, string status, int minutes) => new(
        StoreKeys.Violation(resource, policy), resource, "storage.googleapis.com/Bucket", project, policy, severity, status,
        T0.AddMinutes(minutes - 30), T0.AddMinutes(minutes), status is ViolationRecord.Open or ViolationRecord.Quarantined ? null : T0.AddMinutes(minutes), null, "message", 2, "event-1");

    private static EvaluationRecord Eval(string id, string resource, string policy, int minutes) => new(
        id, "event-" + id, T0.AddMinutes(minutes), resource, "storage.googleapis.com/Bucket", "p1", policy, "HIGH", false, false, "record", ["mode record"], null);

    private static RemediationRecord Rem(string id, string resource, string policy, string status, int minutes) => new(
        id, "req-" + id, policy, resource, "storage.googleapis.com/Bucket", "enforce", status, "owner", T0.AddMinutes(minutes + 5), 1, T0.AddMinutes(minutes), T0.AddMinutes(minutes + 1), null, null, []);

    // Twelve violations over four resources, three policies, two projects, every severity and status.
    private static IReadOnlyList<ViolationRecord> ViolationSet() =>
    [
        V("//r/a", "pol-1", "p1", "HIGH", ViolationRecord.Open, 1),
        V("//r/a", "pol-2", "p1", "LOW", ViolationRecord.Resolved, 2),
        V("//r/a", "pol-3", "p1", "CRITICAL", ViolationRecord.Quarantined, 3),
        V("//r/b", "pol-1", "p1", "HIGH", ViolationRecord.Remediated, 4),
        V("//r/b", "pol-2", "p1", "LOW", ViolationRecord.Open, 5),
        V("//r/b", "pol-3", "p1", "MEDIUM", ViolationRecord.Excluded, 6),
        V("//r/c", "pol-1", "p2", "HIGH", ViolationRecord.Open, 7),
        V("//r/c", "pol-2", "p2", "LOW", ViolationRecord.Open, 8),
        V("//r/c", "pol-3", "p2", "MEDIUM", ViolationRecord.Resolved, 9),
        V("//r/d", "pol-1", "p2", "HIGH", ViolationRecord.Open, 10),
        V("//r/d", "pol-2", "p2", "CRITICAL", ViolationRecord.Remediated, 11),
        V("//r/d", "pol-3", "p2", "MEDIUM", ViolationRecord.Open, 11),
    ];

    private async Task<IEnforcerStore> StoreWithViolationsAsync()
    {
        var store = await CreateStoreAsync();
        foreach (var v in ViolationSet())
        {
            await store.PutViolationAsync(v, TestContext.Current.CancellationToken);
        }

        return store;
    }

    private static async Task<List<ViolationRecord>> AllPagesAsync(IEnforcerStore store, ViolationQuery query)
    {
        var all = new List<ViolationRecord>();
        var cursor = query.After;
        do
        {
            var page = await store.ListViolationsAsync(query with { After = cursor }, TestContext.Current.CancellationToken);
            Assert.True(page.Items.Count <= query.Limit);
            all.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return all;
    }

    private static IEnumerable<ViolationRecord> NewestFirst(IEnumerable<ViolationRecord> violations) =>
        violations.OrderByDescending(v => v.UpdatedAt).ThenByDescending(v => v.Id, StringComparer.Ordinal);

    public static TheoryData<string, ViolationQuery> ViolationFilters() => new()
    {
        { "none", new ViolationQuery(5) },
        { "project", new ViolationQuery(2, ProjectId: "p2") },
        { "resource", new ViolationQuery(2, ResourceName: "//r/b") },
        { "policy", new ViolationQuery(2, PolicyId: "pol-1") },
        { "severity", new ViolationQuery(2, Severity: "MEDIUM") },
        { "status", new ViolationQuery(2, Status: ViolationRecord.Open) },
        { "since", new ViolationQuery(3, Since: T0.AddMinutes(9)) },
        { "until", new ViolationQuery(3, Until: T0.AddMinutes(4)) },
        { "window", new ViolationQuery(3, Since: T0.AddMinutes(3), Until: T0.AddMinutes(11)) },
        { "status+severity", new ViolationQuery(1, Severity: "HIGH", Status: ViolationRecord.Open) },
        { "project+policy+window", new ViolationQuery(1, ProjectId: "p2", PolicyId: "pol-2", Since: T0.AddMinutes(8)) },
        { "resource+status", new ViolationQuery(4, ResourceName: "//r/a", Status: ViolationRecord.Quarantined) },
        { "nothing matches", new ViolationQuery(4, ProjectId: "p9") },
    };

    [Theory]
    [MemberData(nameof(ViolationFilters))]
    public async Task ListViolations_Filter_ReturnsExactlyTheMatchesNewestFirstAcrossPages(string name, ViolationQuery query)
    {
        var store = await StoreWithViolationsAsync();

        var listed = await AllPagesAsync(store, query);

        var expected = NewestFirst(ViolationSet().Where(query.Matches)).ToList();
        Assert.True(name == "nothing matches" || expected.Count > 0, "the filter should select something: " + name);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task ListViolations_SameUpdateTime_IdBreaksTheTieWithoutRepeats()
    {
        var store = await StoreWithViolationsAsync();

        var listed = await AllPagesAsync(store, new ViolationQuery(1, Since: T0.AddMinutes(10)));

        Assert.Equal(3, listed.Count);
        Assert.Equal(listed.Select(v => v.Id).Distinct().Count(), listed.Count);
        Assert.True(string.CompareOrdinal(listed[0].Id, listed[1].Id) > 0, "equal times sort by id, descending");
    }

    [Fact]
    public async Task ListViolations_ReopenedViolation_MovesToTheTopWithItsNewState()
    {
        var store = await StoreWithViolationsAsync();
        var reopened = V("//r/a", "pol-2", "p1", "LOW", ViolationRecord.Open, 60);
        await store.PutViolationAsync(reopened, TestContext.Current.CancellationToken);

        var page = await store.ListViolationsAsync(new ViolationQuery(2, ResourceName: "//r/a"), TestContext.Current.CancellationToken);

        Assert.Equal(reopened, page.Items[0]);
        Assert.Equal(3, (await AllPagesAsync(store, new ViolationQuery(10, ResourceName: "//r/a"))).Count);
    }

    [Fact]
    public async Task SummarizeViolations_Window_CountsByEveryDimension()
    {
        var store = await StoreWithViolationsAsync();

        var summary = await store.SummarizeViolationsAsync(T0.AddMinutes(4), T0.AddMinutes(11), 1000, TestContext.Current.CancellationToken);

        var inWindow = ViolationSet().Where(v => v.UpdatedAt >= T0.AddMinutes(4) && v.UpdatedAt < T0.AddMinutes(11)).ToList();
        Assert.Equal(7, summary.Total);
        Assert.False(summary.Truncated);
        Assert.Equal(inWindow.CountBy(v => v.PolicyId).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (long)p.Value)), summary.ByPolicy.Select(p => (p.Key, p.Value)));
        Assert.Equal([("p1", 3L), ("p2", 4L)], summary.ByProject.Select(p => (p.Key, p.Value)));
        Assert.Equal(inWindow.CountBy(v => v.Severity).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (long)p.Value)), summary.BySeverity.Select(p => (p.Key, p.Value)));
        Assert.Equal(inWindow.CountBy(v => v.Status).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (long)p.Value)), summary.ByStatus.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task SummarizeViolations_MoreThanTheBound_CountsTheNewestAndSaysTruncated()
    {
        var store = await StoreWithViolationsAsync();

        var summary = await store.SummarizeViolationsAsync(T0, T0.AddHours(1), 4, TestContext.Current.CancellationToken);

        Assert.True(summary.Truncated);
        Assert.Equal(4, summary.Total);
        Assert.Equal([("p2", 4L)], summary.ByProject.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task SummarizeViolations_NoProject_IsCountedUnderNone()
    {
        var store = await CreateStoreAsync();
        await store.PutViolationAsync(V("//r/org", "pol-1", "p1", "LOW", ViolationRecord.Open, 1) with { ProjectId = null }, TestContext.Current.CancellationToken);

        var summary = await store.SummarizeViolationsAsync(T0, T0.AddHours(1), 10, TestContext.Current.CancellationToken);

        Assert.Equal([(ViolationSummary.NoProject, 1L)], summary.ByProject.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task ListEvaluations_OfResourceAndPolicy_NewestFirstAcrossPages()
    {
        var store = await CreateStoreAsync();
        var records = new List<EvaluationRecord>();
        for (var i = 0; i < 7; i++)
        {
            records.Add(Eval($"e{i}", i % 3 == 0 ? "//r/other" : "//r/x", i % 2 == 0 ? "pol-1" : "pol-2", i));
        }

        records.Add(Eval("e4b", "//r/x", "pol-1", 4));
        foreach (var r in records)
        {
            await store.RecordEvaluationAsync(r, TestContext.Current.CancellationToken);
        }

        async Task<List<string>> ListAsync(string? policy)
        {
            var ids = new List<string>();
            RecordCursor? cursor = null;
            do
            {
                var page = await store.ListEvaluationsAsync(new EvaluationQuery("//r/x", 2, cursor, policy), TestContext.Current.CancellationToken);
                ids.AddRange(page.Items.Select(e => e.Id));
                cursor = page.Next;
            }
            while (cursor is not null);
            return ids;
        }

        Assert.Equal(["e5", "e4b", "e4", "e2", "e1"], await ListAsync(null));
        Assert.Equal(["e4b", "e4", "e2"], await ListAsync("pol-1"));
        Assert.Empty(await ListAsync("pol-9"));
    }

    [Fact]
    public async Task ListRemediations_Filters_ReturnMatchesNewestFirstAcrossPages()
    {
        var store = await CreateStoreAsync();
        var records = new List<RemediationRecord>
        {
            Rem("m1", "//r/x", "pol-1", RemediationRecord.Succeeded, 1),
            Rem("m2", "//r/x", "pol-2", RemediationRecord.Failed, 2),
            Rem("m3", "//r/y", "pol-1", RemediationRecord.Succeeded, 3),
            Rem("m4", "//r/x", "pol-1", RemediationRecord.DryRun, 4) with { Steps = [new RemediationStep(0, "patch", "i0", "PATCH", "https://x", "{}", RemediationStep.WouldCall, null, T0, null)] },
            Rem("m5", "//r/y", "pol-2", RemediationRecord.Succeeded, 5),
            Rem("m6", "//r/x", "pol-1", RemediationRecord.Succeeded, 6),
        };
        foreach (var r in records)
        {
            await store.TryClaimRemediationAsync(r, T0, TestContext.Current.CancellationToken);
        }

        async Task<List<RemediationRecord>> ListAsync(RemediationQuery query)
        {
            var all = new List<RemediationRecord>();
            RecordCursor? cursor = null;
            do
            {
                var page = await store.ListRemediationsAsync(query with { After = cursor }, TestContext.Current.CancellationToken);
                all.AddRange(page.Items);
                cursor = page.Next;
            }
            while (cursor is not null);
            return all;
        }

        Assert.Equal(["m6", "m5", "m4", "m3", "m2", "m1"], (await ListAsync(new RemediationQuery(4))).Select(r => r.Id));
        Assert.Equal(["m6", "m4", "m2", "m1"], (await ListAsync(new RemediationQuery(3, ResourceName: "//r/x"))).Select(r => r.Id));
        Assert.Equal(["m6", "m4", "m1"], (await ListAsync(new RemediationQuery(1, ResourceName: "//r/x", PolicyId: "pol-1"))).Select(r => r.Id));
        Assert.Equal(["m6", "m5", "m3", "m1"], (await ListAsync(new RemediationQuery(2, Status: RemediationRecord.Succeeded))).Select(r => r.Id));
        Assert.Equal(["m5", "m3"], (await ListAsync(new RemediationQuery(2, PolicyId: null, Since: T0.AddMinutes(3), Until: T0.AddMinutes(6), Status: RemediationRecord.Succeeded))).Select(r => r.Id));
        Assert.Equal(records.Single(r => r.Id == "m4").Steps, (await ListAsync(new RemediationQuery(5, Status: RemediationRecord.DryRun))).Single().Steps);
    }
}
