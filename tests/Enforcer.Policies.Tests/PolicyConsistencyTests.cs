using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Enforcer.Core.Resources;
using Enforcer.Policies.Embedded;
using Enforcer.Policies.Tests.Support;
using Enforcer.Rego.Values;

namespace Enforcer.Policies.Tests;

/// <summary>
/// Rules every policy must follow: a test file beside it, complete metadata, unique id and error code, asset types
/// the resource catalog knows, and remediation steps that only call methods the catalog allows for every type it
/// applies to, with path identifiers named and valued as the catalog expects.
/// </summary>
public sealed partial class PolicyConsistencyTests
{
    private static readonly ResourceCatalog Catalog = ResourceCatalog.Default;

    public static TheoryData<string> PolicyIds() => [.. PolicyFiles().Select(f => f.Id)];

    private static IEnumerable<(string Id, string Path)> PolicyFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.PolicyDirectory, "policies"), "*.rego", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_test.rego", StringComparison.Ordinal))
            .Select(f => (Path.GetFileNameWithoutExtension(f), f))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);

    private static PolicyMetadata Metadata(string id)
    {
        var listing = Engines.Catalog;
        Assert.True(listing.IsSuccess, listing.Error?.Message);
        return Assert.Single(listing.Policies, p => p.Id == id);
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void PolicyFile_Always_HasTestFileAndMatchingPackage(string id)
    {
        var path = PolicyFiles().Single(f => f.Id == id).Path;
        var source = File.ReadAllText(path);
        var test = Path.Combine(Path.GetDirectoryName(path)!, id + "_test.rego");

        Assert.True(File.Exists(test), $"{id} has no {id}_test.rego beside it");
        Assert.Contains($"package enforcer.policies.{id}\n", source, StringComparison.Ordinal);
        var testSource = File.ReadAllText(test);
        Assert.Contains($"package enforcer.tests.{id}\n", testSource, StringComparison.Ordinal);
        Assert.Contains("compliant_input :=", testSource, StringComparison.Ordinal);
        Assert.Contains("noncompliant_input :=", testSource, StringComparison.Ordinal);
    }

    [Fact]
    public void TestFiles_Always_HaveAPolicyBesideThem()
    {
        var orphans = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.PolicyDirectory, "policies"), "*_test.rego", SearchOption.AllDirectories)
            .Where(t => !File.Exists(t.Replace("_test.rego", ".rego", StringComparison.Ordinal)));

        Assert.Empty(orphans);
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void Metadata_EveryPolicy_IsCompleteAndNamesKnownTypes(string id)
    {
        var meta = Metadata(id);

        Assert.False(string.IsNullOrWhiteSpace(meta.Title));
        Assert.False(string.IsNullOrWhiteSpace(meta.Description));
        Assert.False(string.IsNullOrWhiteSpace(meta.Fix));
        Assert.NotEmpty(meta.AppliesTo);
        Assert.Matches(ErrorCodePattern(), meta.ErrorCode);
        Assert.All(meta.AppliesTo, t => Assert.True(Catalog.Contains(t), $"{id} applies to {t}, which the resource catalog does not know"));
        Assert.False(meta.Destructive && !meta.Remediable, $"{id} is destructive but not remediable");
    }

    [Fact]
    public void Metadata_IdsAndErrorCodes_AreUnique()
    {
        var listing = Engines.Catalog;

        Assert.True(listing.IsSuccess, listing.Error?.Message);
        Assert.Empty(listing.Policies.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(listing.Policies.GroupBy(p => p.ErrorCode).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(PolicyFiles().Count(), listing.Policies.Count);
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void RemediationMethods_InSource_AreAllowedForEveryAppliedType(string id)
    {
        var meta = Metadata(id);
        var source = File.ReadAllText(PolicyFiles().Single(f => f.Id == id).Path);
        var methods = StepPattern().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (source.Contains("sql.patch_settings(", StringComparison.Ordinal))
        {
            methods.Add("patch");
        }

        Assert.Equal(meta.Remediable, methods.Count > 0);
        foreach (var type in meta.AppliesTo)
        {
            var resourceType = Catalog.Find(type)!;
            Assert.All(methods, m => Assert.True(resourceType.FindMethod(m) is not null, $"{id} calls {m}, which the catalog does not allow on {type}"));
        }
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void RemediationPlan_ForNoncompliantFixture_UsesAllowedMethodsAndCatalogIdentifiers(string id)
    {
        var meta = Metadata(id);
        var engine = Engines.WithTests;
        var fixture = engine.Policies.EvaluatePath($"data.enforcer.tests.{id}.noncompliant_input", null, engine.Data, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(fixture.IsError, fixture.Error?.ToString());
        Assert.NotNull(fixture.Value);

        var result = engine.Policies.EvaluatePath(EmbeddedPolicyEngine.DecisionsPath, fixture.Value, DataWithEveryCheckOn.Value, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.IsError, result.Error?.ToString());
        using var input = JsonDocument.Parse(RegoJson.Serialize(fixture.Value));
        using var decisions = JsonDocument.Parse(RegoJson.Serialize(result.Value!));
        var type = input.RootElement.GetProperty("type").GetString()!;
        var name = input.RootElement.GetProperty("name").GetString()!;
        var decision = decisions.RootElement.EnumerateArray().Single(d => d.GetProperty("policy_id").GetString() == id);
        Assert.False(decision.GetProperty("compliant").GetBoolean(), $"{id}: its noncompliant_input is compliant");
        if (!meta.Remediable)
        {
            Assert.False(decision.TryGetProperty("remediation", out _));
            return;
        }

        Assert.True(decision.TryGetProperty("remediation", out var plan), $"{id}: remediable but no plan for its noncompliant_input");
        var resourceType = Catalog.Find(type)!;
        var identifiers = resourceType.ParseFullName(name);
        Assert.True(identifiers is not null, $"{id}: fixture name {name} does not parse as {type}");
        var steps = plan.GetProperty("steps").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            var method = resourceType.FindMethod(step.GetProperty("method").GetString()!);
            Assert.True(method is not null, $"{id}: step method {step.GetProperty("method")} is not allowed on {type}");
            var parameters = step.GetProperty("params");
            foreach (var variable in method.Path.Variables)
            {
                Assert.True(parameters.TryGetProperty(variable, out var value), $"{id}: {method.Name} step lacks path identifier '{variable}'");
                Assert.Equal(identifiers[variable], value.GetString());
            }

            Assert.Equal(method.Body != MethodBody.None, parameters.TryGetProperty("body", out _));
        }
    }

    [Fact]
    public void LabelPaths_InPolicyLibrary_MatchTheCatalog()
    {
        var engine = Engines.Embedded;
        var result = engine.Policies.EvaluatePath("data.enforcer.lib.resource.label_paths", null, engine.Data, cancellationToken: TestContext.Current.CancellationToken);
        using var paths = JsonDocument.Parse(RegoJson.Serialize(result.Value!));
        var library = paths.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => string.Join('.', p.Value.EnumerateArray().Select(s => s.GetString())));

        foreach (var type in Catalog.Types.Where(t => t.LabelsPath is not null && t.LabelsPath != "labels"))
        {
            Assert.True(library.TryGetValue(type.AssetType, out var path), $"lib/resource.rego does not know that {type.AssetType} keeps labels at {type.LabelsPath}");
            Assert.Equal(type.LabelsPath, path);
        }

        Assert.All(library, kv => Assert.Equal(Catalog.Find(kv.Key)?.LabelsPath, kv.Value));
    }

    private static readonly Lazy<Value> DataWithEveryCheckOn = new(() =>
    {
        var data = JsonNode.Parse(PolicyBundle.FromDirectory(RepositoryPaths.PolicyDirectory).DataJson)!;
        // Turn on everything a policy can do: destructive fixes and the image-project checks that are off by default.
        data["config"]!["remediation"]!["allow_destructive"] = true;
        data["config"]!["compute"]!["approved_image_projects"] = new JsonArray("golden-images");
        data["config"]!["dataproc"]!["approved_image_projects"] = new JsonArray("golden-images");
        return RegoJson.Parse(data.ToJsonString());
    });

    [GeneratedRegex(@"^[A-Z]+-\d{3}$")]
    private static partial Regex ErrorCodePattern();

    [GeneratedRegex(@"plan\.step\(""(\w+)""")]
    private static partial Regex StepPattern();
}
