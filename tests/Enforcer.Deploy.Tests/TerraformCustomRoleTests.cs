using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Enforcer.Core.Resources;

namespace Enforcer.Deploy.Tests;

/// <summary>
/// The organization-level custom roles hold exactly the permissions the resource catalog needs:
/// reads (GET, getIamPolicy) for evaluate and remediate, allowlisted methods for remediate.
/// Set UPDATE_PERMISSIONS=1 to rewrite the lists in terraform/permissions/ from the catalog.
/// </summary>
public sealed partial class TerraformCustomRoleTests(TerraformFixture fixture)
{
    private TerraformConfiguration Tf => fixture.Configuration;

    public static TheoryData<string> PermissionFiles => ["resource-reader.json", "resource-writer.json"];

    [Fact]
    public void ReaderRole_CatalogList_IsEveryCatalogRead()
    {
        var needed = ResourceCatalog.Default.Types
            .SelectMany(t => new[] { t.Get.Permission, t.IamRead?.Permission })
            .OfType<string>();
        AssertCatalogList("resource-reader.json", needed);
    }

    [Fact]
    public void WriterRole_CatalogList_IsEveryAllowlistedMethod()
    {
        var needed = ResourceCatalog.Default.Types.SelectMany(t => t.Methods.Select(m => m.Permission));
        AssertCatalogList("resource-writer.json", needed);
    }

    [Theory]
    [MemberData(nameof(PermissionFiles))]
    public void PermissionFile_Extras_HaveReasonsAndAreWellFormed(string file)
    {
        var (catalog, extra) = Read(file);
        Assert.All(catalog.Concat(extra.Keys), p => Assert.Matches(PermissionShape(), p));
        Assert.All(extra, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} has no reason"));
        Assert.Empty(extra.Keys.Intersect(catalog));
        Assert.Equal(catalog.Count, catalog.Distinct().Count());
    }

    [Fact]
    public void CustomRoles_Permissions_ComeFromThePermissionFiles()
    {
        foreach (var (role, file, local) in new[]
        {
            ("resource_reader", "resource-reader.json", "reader"),
            ("resource_writer", "resource-writer.json", "writer"),
        })
        {
            var block = Tf.Resource($"google_organization_iam_custom_role.{role}");
            Assert.Equal("${var.organization_id}", Hcl.Text(block.Body, "org_id"));
            Assert.Equal($"${{local.{local}_permissions}}", Hcl.Text(block.Body, "permissions"));

            var fileLocal = Tf.Locals[$"{local}_permission_file"].GetString();
            Assert.Equal($"${{jsondecode(file(\"${{path.module}}/permissions/{file}\"))}}", fileLocal);
            var permissions = Tf.Locals[$"{local}_permissions"].GetString();
            Assert.Contains($"local.{local}_permission_file.catalog", permissions, StringComparison.Ordinal);
            Assert.Contains($"keys(local.{local}_permission_file.extra)", permissions, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OrganizationGrants_WriterRole_OnlyForRemediate()
    {
        var grants = Tf.OfType("google_organization_iam_member")
            .Select(g => (Role: Hcl.Text(g.Body, "role")!, Account: TerraformIamTests.ServiceAccountOf(Hcl.Text(g.Body, "member"))))
            .ToList();
        Assert.All(grants, g => Assert.StartsWith("${google_organization_iam_custom_role.", g.Role, StringComparison.Ordinal));

        string[] Holders(string role) => [.. grants.Where(g => Hcl.RefersTo(g.Role, $"google_organization_iam_custom_role.{role}")).Select(g => g.Account!).Order()];
        Assert.Equal(["google_service_account.evaluate", "google_service_account.remediate"], Holders("resource_reader"));
        Assert.Equal(["google_service_account.remediate"], Holders("resource_writer"));
    }

    private static void AssertCatalogList(string file, IEnumerable<string> needed)
    {
        var wanted = needed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(wanted);
        var (catalog, _) = Read(file);
        if (Environment.GetEnvironmentVariable("UPDATE_PERMISSIONS") == "1" && !catalog.SequenceEqual(wanted))
        {
            Write(file, wanted);
            catalog = Read(file).Catalog;
        }

        var missing = wanted.Except(catalog).ToList();
        var stale = catalog.Except(wanted).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"terraform/permissions/{file} 'catalog' is out of date (UPDATE_PERMISSIONS=1 rewrites it). Missing: [{string.Join(", ", missing)}]; no longer needed: [{string.Join(", ", stale)}]");
    }

    private static string PathOf(string file) => RepositoryRoot.Combine("terraform", "permissions", file);

    private static (List<string> Catalog, Dictionary<string, string> Extra) Read(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(file)));
        var catalog = doc.RootElement.GetProperty("catalog").EnumerateArray().Select(e => e.GetString()!).ToList();
        var extra = doc.RootElement.GetProperty("extra").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        return (catalog, extra);
    }

    private static void Write(string file, List<string> catalog)
    {
        var node = JsonNode.Parse(File.ReadAllText(PathOf(file)))!.AsObject();
        node["catalog"] = new JsonArray([.. catalog.Select(p => (JsonNode)JsonValue.Create(p))]);
        File.WriteAllText(PathOf(file), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+){2}$")]
    private static partial Regex PermissionShape();
}
