using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>policy/index/data.json is generated from metadata; the committed file must equal what the generator writes.</summary>
public sealed class PolicyIndexTests
{
    [Fact]
    public async Task Generate_CommittedIndex_EqualsGeneratedText()
    {
        var listing = await Engines.Embedded.ListPoliciesAsync(TestContext.Current.CancellationToken);
        Assert.True(listing.IsSuccess, listing.Error?.Message);

        var generated = PolicyIndexGenerator.Generate(listing.Policies);
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.PolicyDirectory, PolicyIndexGenerator.RelativePath), TestContext.Current.CancellationToken);

        Assert.True(generated == committed, "policy/index/data.json is stale: run `dotnet run --project functions/Cli -- policies index`");
    }
}
