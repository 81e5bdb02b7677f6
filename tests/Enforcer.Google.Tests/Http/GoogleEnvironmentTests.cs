using Enforcer.Google.Firestore;
using Enforcer.Google.PubSub;

namespace Enforcer.Google.Tests.Http;

public class GoogleEnvironmentTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void FirestoreFromEnvironment_EmulatorHostSet_UsesPlainHttpAndOwnerAuth()
    {
        var options = FirestoreClientOptions.FromEnvironment(getVariable: Env(("FIRESTORE_EMULATOR_HOST", "127.0.0.1:8181"), ("GOOGLE_CLOUD_PROJECT", "proj")));

        Assert.True(options.IsEmulator);
        Assert.Equal(new Uri("http://127.0.0.1:8181/"), options.Endpoint);
        Assert.Equal("proj", options.ProjectId);
        Assert.Equal("(default)", options.DatabaseId);
    }

    [Fact]
    public void FirestoreFromEnvironment_NoEmulator_UsesProductionAndExplicitProjectWins()
    {
        var options = FirestoreClientOptions.FromEnvironment("explicit", Env(("GOOGLE_CLOUD_PROJECT", "proj")));

        Assert.False(options.IsEmulator);
        Assert.Equal(FirestoreClientOptions.ProductionEndpoint, options.Endpoint);
        Assert.Equal("explicit", options.ProjectId);
    }

    [Fact]
    public void FirestoreFromEnvironment_DatabaseNamed_UsesIt()
    {
        var options = FirestoreClientOptions.FromEnvironment(getVariable: Env(("GOOGLE_CLOUD_PROJECT", "proj"), ("FIRESTORE_DATABASE", "enforcer")));

        Assert.Equal("enforcer", options.DatabaseId);
    }

    [Fact]
    public void PubSubFromEnvironment_LegacyProjectVariable_IsTheFallback()
    {
        var options = PubSubClientOptions.FromEnvironment(getVariable: Env(("PUBSUB_EMULATOR_HOST", "localhost:8085"), ("GCLOUD_PROJECT", "legacy")));

        Assert.True(options.IsEmulator);
        Assert.Equal(new Uri("http://localhost:8085/"), options.Endpoint);
        Assert.Equal("projects/legacy/topics/t", options.TopicName("t"));
        Assert.Equal("projects/other/topics/t", options.TopicName("projects/other/topics/t"));
        Assert.Equal("projects/legacy/subscriptions/s", options.SubscriptionName("s"));
    }

    [Fact]
    public void FromEnvironment_NoProjectAnywhere_ThrowsNamingTheVariable()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FirestoreClientOptions.FromEnvironment(getVariable: Env()));

        Assert.Contains("GOOGLE_CLOUD_PROJECT", ex.Message, StringComparison.Ordinal);
    }
}
