using System.Text.Json.Nodes;
using Enforcer.FakeGoogle;

namespace Enforcer.ColdStart;

/// <summary>
/// The stand-in for Google's APIs the measured hosts read resources from (ENFORCER_GOOGLE_API_ROOT):
/// the fake server, holding the bucket the sample event names, configured so policies find
/// something to say about it (versioning off, no labels).
/// </summary>
internal static class LocalGoogle
{
    public static async Task<FakeGoogleServer> StartAsync()
    {
        var fake = await FakeGoogleServer.StartAsync().ConfigureAwait(false);
        fake.Seed("storage.googleapis.com/Bucket", "//storage.googleapis.com/acme-raw-data", new JsonObject
        {
            ["kind"] = "storage#bucket",
            ["name"] = "acme-raw-data",
            ["projectNumber"] = "123456789012",
            ["location"] = "US-CENTRAL1",
            ["storageClass"] = "STANDARD",
            ["versioning"] = new JsonObject { ["enabled"] = false },
            ["iamConfiguration"] = new JsonObject
            {
                ["uniformBucketLevelAccess"] = new JsonObject { ["enabled"] = false },
                ["publicAccessPrevention"] = "inherited",
            },
        });
        return fake;
    }
}
