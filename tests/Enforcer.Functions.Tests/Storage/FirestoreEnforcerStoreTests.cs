using Enforcer.Core.Storage;
using Enforcer.Hosting.Storage;
using Enforcer.TestSupport;

namespace Enforcer.Functions.Tests.Storage;

/// <summary>The store contract over the real Firestore emulator; each test gets its own project.</summary>
public sealed class FirestoreEnforcerStoreTests(EmulatorFixture emulators) : EnforcerStoreContract
{
    protected override Task<IEnforcerStore> CreateStoreAsync()
    {
        emulators.RequireFirestore();
        var client = emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId());
        return Task.FromResult<IEnforcerStore>(new FirestoreEnforcerStore(client, new FirestoreStoreOptions(TimeSpan.FromDays(30))));
    }

    [Fact]
    public async Task TryRecordEvent_WritesExpiryForTheTtlPolicy()
    {
        emulators.RequireFirestore();
        var client = emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId());
        var store = new FirestoreEnforcerStore(client, new FirestoreStoreOptions(TimeSpan.FromDays(30)));
        var record = Event("ttl", 0, "//storage.googleapis.com/ttl");

        await store.TryRecordEventAsync(record, TestContext.Current.CancellationToken);

        var document = await client.GetAsync("events/ttl", TestContext.Current.CancellationToken);
        Assert.NotNull(document);
        Assert.Equal(record.ReceivedAt.AddDays(30), document["expire_at"]?.TryGetTimestamp());
        Assert.Equal(["//storage.googleapis.com/ttl"], document["resource_names"]!.AsArray().Select(v => v.AsString()));
    }
}
