using System.Text.Json;
using Enforcer.Core.Resources;
using Enforcer.Core.Tests.Fixtures;

namespace Enforcer.Core.Tests.Resources;

// Consistency: every catalog type is exercised by audit-log fixtures (create, update, setIamPolicy where the API has them).
public partial class ResourceCatalogTests
{
    // Types without a create call: App Engine instances and organizations are made by Google; services are enabled (an update).
    private static readonly HashSet<string> NoLoggedCreate =
        ["appengine.googleapis.com/Instance", "cloudresourcemanager.googleapis.com/Organization", "serviceusage.googleapis.com/Service"];

    private static readonly Lazy<List<(string Method, string AssetType, string Operation)>> Mapped = new(LoadFixtureResources);

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_HasAuditLogFixture(string assetType) =>
        Assert.Contains(Mapped.Value, m => m.AssetType == assetType);

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_HasCreateFixture(string assetType)
    {
        if (NoLoggedCreate.Contains(assetType))
        {
            return;
        }

        Assert.Contains(Mapped.Value, m => m.AssetType == assetType && m.Operation == "Create");
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_WithUpdateMethods_HasUpdateFixture(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        if (!type.Methods.Any(m => m.Effect is MethodEffect.Merge or MethodEffect.Replace))
        {
            return;
        }

        Assert.Contains(Mapped.Value, m => m.AssetType == assetType && m.Operation == "Update" && !m.Method.Contains("setiam", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Type_WithSetIamPolicy_HasSetIamPolicyFixture(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        if (type.FindMethod("setIamPolicy") is null)
        {
            return;
        }

        Assert.Contains(Mapped.Value, m => m.AssetType == assetType && m.Method.Contains("setiam", StringComparison.OrdinalIgnoreCase));
    }

    private static List<(string Method, string AssetType, string Operation)> LoadFixtureResources()
    {
        var found = new List<(string, string, string)>();
        foreach (var name in FixtureFiles.Names("AuditLogs"))
        {
            using var entry = JsonDocument.Parse(FixtureFiles.Payload("AuditLogs", name));
            using var expected = FixtureFiles.Expected("AuditLogs", name);
            if (expected.RootElement.GetProperty("outcome").GetString() != "mapped")
            {
                continue;
            }

            var method = JsonFieldPath.GetString(entry.RootElement, "protoPayload.methodName") ?? "";
            foreach (var r in expected.RootElement.GetProperty("resources").EnumerateArray())
            {
                found.Add((method, r.GetProperty("assetType").GetString()!, r.GetProperty("operation").GetString()!));
            }
        }

        return found;
    }
}
