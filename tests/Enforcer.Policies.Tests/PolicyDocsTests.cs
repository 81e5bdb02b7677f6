using Enforcer.Policies.Docs;
using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>docs/policies.md is generated from metadata; the committed page must equal what the generator writes.</summary>
public sealed class PolicyDocsTests
{
    [Fact]
    public async Task Generate_CommittedPage_EqualsGeneratedText()
    {
        var listing = await Engines.Embedded.ListPoliciesAsync(TestContext.Current.CancellationToken);
        Assert.True(listing.IsSuccess, listing.Error?.Message);

        var generated = PolicyDocsGenerator.Generate(listing.Policies);

        Assert.True(File.Exists(RepositoryPaths.PoliciesDoc), "docs/policies.md is missing: run `enforcer policies docs`");
        Assert.True(generated == await File.ReadAllTextAsync(RepositoryPaths.PoliciesDoc, TestContext.Current.CancellationToken),
            "docs/policies.md is stale: run `dotnet run --project functions/Cli -- policies docs`");
    }

    [Fact]
    public async Task Generate_EveryPolicy_HasASectionWithSeverityAndFix()
    {
        var listing = await Engines.Embedded.ListPoliciesAsync(TestContext.Current.CancellationToken);

        var page = PolicyDocsGenerator.Generate(listing.Policies);

        Assert.All(listing.Policies, p =>
        {
            Assert.Contains($"\n### {p.Id}\n", page, StringComparison.Ordinal);
            Assert.Contains($"`{p.ErrorCode}`", page, StringComparison.Ordinal);
        });
        Assert.Contains("- Fix: None; reported for a person to fix.", page, StringComparison.Ordinal);
    }
}
