using Enforcer.Core.Resources;

namespace Enforcer.Core.Tests.Fixtures;

/// <summary>Plausible identifier values for any catalog type, for tests that go through every type.</summary>
internal static class SampleIdentifiers
{
    public static Dictionary<string, string> For(ResourceType type) =>
        type.Identifiers.ToDictionary(id => id, id => id switch
        {
            "project" => "my-project",
            "zone" => "us-central1-a",
            "region" => "us-central1",
            "location" => "us-central1",
            "app" => "my-project",
            "organization" => "123456789012",
            "folder" => "998877665544",
            "serviceAccount" => "deployer@my-project.iam.gserviceaccount.com",
            "service" when type.AssetType.StartsWith("serviceusage", StringComparison.Ordinal) => "compute.googleapis.com",
            _ => "sample-" + id.ToLowerInvariant(),
        });
}
