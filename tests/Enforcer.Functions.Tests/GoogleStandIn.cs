using System.Text.Json.Nodes;
using Enforcer.FakeGoogle;

namespace Enforcer.Functions.Tests;

/// <summary>
/// The fake Google API for host tests, seeded with the bucket the fixtures name (acme-raw-data: versioning off, so
/// the versioning policy is violated). Hosts reach it through ENFORCER_GOOGLE_API_ROOT.
/// </summary>
public sealed class GoogleStandIn : IAsyncLifetime
{
    public const string BucketType = "storage.googleapis.com/Bucket";
    public const string Bucket = "//storage.googleapis.com/acme-raw-data";

    public FakeGoogleServer Fake { get; private set; } = null!;

    /// <summary>The value for ENFORCER_GOOGLE_API_ROOT.</summary>
    public string ApiRoot => Fake.BaseAddress.ToString();

    public async ValueTask InitializeAsync()
    {
        Fake = await FakeGoogleServer.StartAsync();
        Fake.Seed(BucketType, Bucket, new JsonObject
        {
            ["name"] = "acme-raw-data",
            ["versioning"] = new JsonObject { ["enabled"] = false },
            ["iamConfiguration"] = new JsonObject
            {
                ["uniformBucketLevelAccess"] = new JsonObject { ["enabled"] = true },
                ["publicAccessPrevention"] = "enforced",
            },
        });
    }

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
