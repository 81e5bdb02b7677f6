using Enforcer.Core.Storage;

namespace Enforcer.Functions.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IEnforcerStore"/> must have; run against the in-memory store and
/// against Firestore over the emulator, so the local default cannot drift from production.
/// </summary>
public abstract partial class EnforcerStoreContract
{
    protected abstract Task<IEnforcerStore> CreateStoreAsync();

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    protected static EventRecord Event(string id, int secondsAfterStart, params string[] resourceNames) => new(
        id,
        Start.AddSeconds(secondsAfterStart).AddTicks(70),
        "audit_log",
        InsertId: "insert-" + id,
        DeliveryId: "delivery-" + id,
        EventTime: Start,
        MethodName: "storage.buckets.create",
        ServiceName: "storage.googleapis.com",
        Principal: "alice@example.com",
        Outcome: "mapped",
        Reason: null,
        [.. resourceNames.Select(n => new EventResource("storage.googleapis.com/Bucket", n, "create"))]);

    [Fact]
    public async Task TryRecordEvent_SameIdTwice_SecondIsDuplicateAndFirstIsKept()
    {
        var store = await CreateStoreAsync();
        var first = Event("a1", 1, "//storage.googleapis.com/one");
        var second = first with { Principal = "mallory@example.com" };

        Assert.True(await store.TryRecordEventAsync(first, TestContext.Current.CancellationToken));
        Assert.False(await store.TryRecordEventAsync(second, TestContext.Current.CancellationToken));

        var stored = await store.GetEventAsync("a1", TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("alice@example.com", stored.Principal);
        Assert.Equal(first.ReceivedAt, stored.ReceivedAt);
        Assert.Equal(first.Resources, stored.Resources);
    }

    [Fact]
    public async Task TryRecordEvent_ConcurrentDuplicates_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var record = Event("race", 1, "//storage.googleapis.com/race");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.TryRecordEventAsync(record, TestContext.Current.CancellationToken)));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task GetEvent_Unknown_IsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetEventAsync("missing", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ListEvents_PagesNewestFirst_WithoutGapsOrRepeats()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 7; i++)
        {
            await store.TryRecordEventAsync(Event($"e{i}", i, $"//storage.googleapis.com/b{i % 2}"), TestContext.Current.CancellationToken);
        }

        // Two events share a timestamp: the id breaks the tie.
        await store.TryRecordEventAsync(Event("e3b", 3, "//storage.googleapis.com/b1"), TestContext.Current.CancellationToken);

        var seen = new List<string>();
        EventCursor? cursor = null;
        do
        {
            var page = await store.ListEventsAsync(new EventQuery(3, cursor), TestContext.Current.CancellationToken);
            Assert.True(page.Events.Count <= 3);
            seen.AddRange(page.Events.Select(e => e.Id));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(["e6", "e5", "e4", "e3b", "e3", "e2", "e1", "e0"], seen);
    }

    [Fact]
    public async Task ListEvents_ByResource_ReturnsOnlyEventsThatTouchedIt()
    {
        var store = await CreateStoreAsync();
        await store.TryRecordEventAsync(Event("r1", 1, "//storage.googleapis.com/x"), TestContext.Current.CancellationToken);
        await store.TryRecordEventAsync(Event("r2", 2, "//storage.googleapis.com/y", "//storage.googleapis.com/x"), TestContext.Current.CancellationToken);
        await store.TryRecordEventAsync(Event("r3", 3, "//storage.googleapis.com/y"), TestContext.Current.CancellationToken);

        var page = await store.ListEventsAsync(new EventQuery(10, null, "//storage.googleapis.com/x"), TestContext.Current.CancellationToken);

        Assert.Equal(["r2", "r1"], page.Events.Select(e => e.Id));
        Assert.Null(page.Next);
    }
}
