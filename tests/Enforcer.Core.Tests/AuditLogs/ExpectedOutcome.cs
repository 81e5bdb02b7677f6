using System.Text.Json;
using Enforcer.Core.AuditLogs;

namespace Enforcer.Core.Tests.AuditLogs;

/// <summary>Reads a fixture's .expected.json and checks an outcome against it, field by field.</summary>
internal static class ExpectedOutcome
{
    public static void AssertMatches(JsonElement expected, MappingOutcome actual)
    {
        var outcome = expected.GetProperty("outcome").GetString();
        if (outcome == "ignored")
        {
            var ignored = Assert.IsType<IgnoredEvent>(actual);
            Assert.Equal(expected.GetProperty("reason").GetString(), ignored.Reason.ToString());
            Assert.False(string.IsNullOrWhiteSpace(ignored.Message));
            return;
        }

        var mapped = Assert.IsType<MappedEvent>(actual);
        var want = expected.GetProperty("resources").EnumerateArray().Select(ToRef).ToList();
        Assert.Equal(want.Count, mapped.Resources.Count);
        for (var i = 0; i < want.Count; i++)
        {
            var got = mapped.Resources[i];
            Assert.Equal(want[i].AssetType, got.AssetType);
            Assert.Equal(want[i].FullName, got.FullName);
            Assert.Equal(want[i].Identifiers.OrderBy(kv => kv.Key), got.Identifiers.OrderBy(kv => kv.Key));
            Assert.Equal(want[i].ProjectId, got.ProjectId);
            Assert.Equal(want[i].Operation, got.Operation);
            Assert.Equal(want[i].Deleted, got.Deleted);
        }
    }

    public static ResourceRef ToRef(JsonElement e) => new(
        e.GetProperty("assetType").GetString()!,
        e.GetProperty("fullName").GetString()!,
        e.GetProperty("identifiers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
        e.GetProperty("projectId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("projectId").GetString(),
        Enum.Parse<OperationKind>(e.GetProperty("operation").GetString()!),
        e.GetProperty("deleted").GetBoolean());
}
