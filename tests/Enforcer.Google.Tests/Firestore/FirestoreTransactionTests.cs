using System.Diagnostics;
using Enforcer.Google.Errors;
using Enforcer.Google.Firestore;
using Enforcer.TestSupport;

namespace Enforcer.Google.Tests.Firestore;

public class FirestoreTransactionTests(EmulatorFixture emulators)
{
    private readonly FirestoreClient _client = emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<long> IncrementAsync(string path) => _client.RunTransactionAsync(async tx =>
    {
        var current = await tx.GetAsync(path);
        var next = (current?["n"]?.AsInteger() ?? 0) + 1;
        tx.Set(path, new Dictionary<string, FirestoreValue> { ["n"] = next });
        return next;
    }, Ct);

    [Fact]
    public async Task RunTransactionAsync_ConcurrentReadModifyWrite_LosesNoIncrement()
    {
        const int Workers = 6;

        var results = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => IncrementAsync("counters/shared")));

        Assert.Equal(Workers, (await _client.GetAsync("counters/shared", Ct))!["n"]!.AsInteger());
        // Each transaction saw a distinct predecessor, so the returned values are exactly 1..Workers.
        Assert.Equal(Enumerable.Range(1, Workers).Select(i => (long)i), results.Order());
    }

    [Fact]
    public async Task RunTransactionAsync_ReadMissingThenCreate_CommitsAndReturnsBodyResult()
    {
        var outcome = await _client.RunTransactionAsync(async tx =>
        {
            var existing = await tx.GetAllAsync(["claims/a", "claims/b"]);
            if (existing.All(d => d is null))
            {
                tx.Create("claims/a", new Dictionary<string, FirestoreValue> { ["by"] = "tx" });
                tx.Create("claims/b", new Dictionary<string, FirestoreValue> { ["by"] = "tx" });
                return "claimed";
            }

            return "taken";
        }, Ct);

        Assert.Equal("claimed", outcome);
        Assert.Equal("tx", (await _client.GetAsync("claims/b", Ct))!["by"]!.AsString());
    }

    [Fact]
    public async Task RunTransactionAsync_BodyThrows_WritesNothingAndReleasesLocks()
    {
        await _client.CreateAsync("locks/l", new Dictionary<string, FirestoreValue> { ["n"] = 1 }, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _client.RunTransactionAsync<int>(async tx =>
        {
            await tx.GetAsync("locks/l");
            tx.Set("locks/l", new Dictionary<string, FirestoreValue> { ["n"] = 99 });
            throw new InvalidOperationException("policy says no");
        }, Ct));

        // A lock left behind would make this write wait for the emulator's lock timeout and abort.
        var clock = Stopwatch.StartNew();
        var write = await _client.UpdateAsync("locks/l", new Dictionary<string, FirestoreValue> { ["n"] = 2 }, cancellationToken: Ct);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"write waited {clock.Elapsed}");
        Assert.Equal(WriteStatus.Ok, write.Status);
        Assert.Equal(2, (await _client.GetAsync("locks/l", Ct))!["n"]!.AsInteger());
    }

    [Fact]
    public async Task RunTransactionAsync_CommitPreconditionFails_ThrowsPermanentError()
    {
        await _client.CreateAsync("claims/taken", new Dictionary<string, FirestoreValue> { ["by"] = "someone" }, Ct);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => _client.RunTransactionAsync(tx =>
        {
            tx.Create("claims/taken", new Dictionary<string, FirestoreValue> { ["by"] = "me" });
            return Task.FromResult(0);
        }, Ct));

        Assert.Equal("ALREADY_EXISTS", error.Status);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task RunTransactionAsync_QueryInTransaction_SeesCommittedDocuments()
    {
        await _client.CreateAsync("queue/a", new Dictionary<string, FirestoreValue> { ["state"] = "new" }, Ct);
        await _client.CreateAsync("queue/b", new Dictionary<string, FirestoreValue> { ["state"] = "done" }, Ct);

        var taken = await _client.RunTransactionAsync(async tx =>
        {
            var pending = await tx.RunQueryAsync(new FirestoreQuery("queue").Where("state", FilterOperator.Equal, "new"));
            foreach (var doc in pending)
            {
                tx.Update(doc.Path, new Dictionary<string, FirestoreValue> { ["state"] = "taken" });
            }

            return pending.Select(d => d.Id).ToArray();
        }, Ct);

        Assert.Equal(["a"], taken);
        Assert.Equal("taken", (await _client.GetAsync("queue/a", Ct))!["state"]!.AsString());
    }

    [Fact]
    public async Task RunTransactionAsync_CancelledToken_Propagates()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.RunTransactionAsync(_ => Task.FromResult(1), cts.Token));
    }
}
