using System.Text.Json;
using System.Text.RegularExpressions;
using Enforcer.Core.Resources;
using Enforcer.Core.Tests.Fixtures;

namespace Enforcer.Core.Tests.Resources;

public partial class ResourceCatalogTests
{
    // The 25 resource types of rpe-lib 2.x (rpe/resources/gcp.py), which the catalog must keep supporting.
    public static TheoryData<string> SeedTypes =>
    [
        "appengine.googleapis.com/Instance", "bigquery.googleapis.com/Dataset", "bigtableadmin.googleapis.com/Instance",
        "cloudfunctions.googleapis.com/CloudFunction", "compute.googleapis.com/Instance", "compute.googleapis.com/Disk",
        "compute.googleapis.com/RegionDisk", "compute.googleapis.com/Subnetwork", "compute.googleapis.com/Firewall",
        "dataproc.googleapis.com/Cluster", "datafusion.googleapis.com/Instance", "container.googleapis.com/Cluster",
        "container.googleapis.com/NodePool", "iam.googleapis.com/ServiceAccount", "iam.googleapis.com/ServiceAccountKey",
        "pubsub.googleapis.com/Subscription", "pubsub.googleapis.com/Topic", "storage.googleapis.com/Bucket",
        "sqladmin.googleapis.com/Instance", "cloudresourcemanager.googleapis.com/Organization",
        "cloudresourcemanager.googleapis.com/Project", "serviceusage.googleapis.com/Service", "dataflow.googleapis.com/Job",
        "redis.googleapis.com/Instance", "memcache.googleapis.com/Instance",
    ];

    public static TheoryData<string> AllTypes => [.. ResourceCatalog.Default.Types.Select(t => t.AssetType)];

    [Theory]
    [MemberData(nameof(SeedTypes))]
    public void Default_SeedType_IsSupported(string assetType) => Assert.NotNull(ResourceCatalog.Default.Find(assetType));

    [Fact]
    public void Default_HasAtLeastFortyTypes() => Assert.True(ResourceCatalog.Default.Types.Count >= 40, $"{ResourceCatalog.Default.Types.Count} types");

    [Fact]
    public void Find_UnknownType_ReturnsNull() => Assert.Null(ResourceCatalog.Default.Find("composer.googleapis.com/Environment"));

    [Fact]
    public void Load_DuplicateAssetType_IsRejected()
    {
        var json = """{"types":[{"assetType":"a/B","host":"h","basePath":"v1/","fullName":"//h/{x}","get":{"path":"{x}","permission":"p.g"},"audit":{"services":[],"resourceNames":[]},"methods":[]},{"assetType":"a/B","host":"h","basePath":"v1/","fullName":"//h/{x}","get":{"path":"{x}","permission":"p.g"},"audit":{"services":[],"resourceNames":[]},"methods":[]}]}"""u8.ToArray();

        Assert.Throws<FormatException>(() => ResourceCatalog.Load(json));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_FullName_RoundTripsThroughParse(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        var ids = SampleIdentifiers.For(type);

        var name = type.FormatFullName(ids);
        var parsed = type.ParseFullName(name);

        Assert.NotNull(parsed);
        Assert.Equal(ids.OrderBy(kv => kv.Key), parsed!.OrderBy(kv => kv.Key));
        Assert.StartsWith("//", name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_Templates_UseOnlyItsIdentifiers(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        var known = type.Identifiers.ToHashSet();

        Assert.All(type.Get.Path.Variables, v => Assert.Contains(v, known));
        Assert.All(type.IamRead?.Path.Variables ?? [], v => Assert.Contains(v, known));
        Assert.All(type.Methods.SelectMany(m => m.Path.Variables), v => Assert.Contains(v, known));
        Assert.All(type.Audit.ResourceNames.SelectMany(t => t.Variables), v => Assert.Contains(v, known));
        Assert.All(type.Audit.Fields.Keys, k => Assert.True(known.Contains(k) || k == "project", $"{k} is not an identifier of {assetType}"));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_EveryCall_NamesAnIamPermission(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        var permission = new Regex(@"^[a-z]+\.[a-zA-Z]+\.[a-zA-Z]+$");

        Assert.Matches(permission, type.Get.Permission);
        if (type.IamRead is { } iam)
        {
            Assert.Matches(permission, iam.Permission);
            Assert.EndsWith("getIamPolicy", iam.Permission, StringComparison.Ordinal);
        }

        Assert.NotEmpty(type.Methods);
        Assert.All(type.Methods, m => Assert.Matches(permission, m.Permission));
        Assert.All(type.Methods, m => Assert.Contains(m.Verb, (string[])["GET", "POST", "PUT", "PATCH", "DELETE"]));
        Assert.Equal(type.Methods.Count, type.Methods.Select(m => m.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_ReadinessValues_AreDisjoint(string assetType)
    {
        var rule = ResourceCatalog.Default.Find(assetType)!.Readiness;
        if (rule is null)
        {
            return;
        }

        Assert.NotEmpty(rule.Ready);
        Assert.Empty(rule.Ready.Intersect(rule.Terminal));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_WithIamRead_AllowsSetIamPolicy(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;

        Assert.Equal(type.IamRead is not null, type.FindMethod("setIamPolicy") is not null);
    }

    [Fact]
    public void ReadLabels_UsesTheTypesLabelsPath()
    {
        var sql = ResourceCatalog.Default.Find("sqladmin.googleapis.com/Instance")!;
        using var doc = JsonDocument.Parse("""{"labels":{"wrong":"x"},"settings":{"userLabels":{"forseti-enforcer":"disable","n":3}}}""");

        var labels = sql.ReadLabels(doc.RootElement);

        Assert.Equal("disable", Assert.Single(labels).Value);
    }

    [Fact]
    public void FormatFullName_ZonalGkeCluster_UsesCaiZonesForm()
    {
        var cluster = ResourceCatalog.Default.Find("container.googleapis.com/Cluster")!;

        var zonal = cluster.FormatFullName(new Dictionary<string, string> { ["project"] = "p", ["location"] = "us-central1-c", ["cluster"] = "c" });
        var regional = cluster.FormatFullName(new Dictionary<string, string> { ["project"] = "p", ["location"] = "us-central1", ["cluster"] = "c" });

        Assert.Equal("//container.googleapis.com/projects/p/zones/us-central1-c/clusters/c", zonal);
        Assert.Equal("//container.googleapis.com/projects/p/locations/us-central1/clusters/c", regional);
    }
}
