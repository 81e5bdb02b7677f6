using Enforcer.Policies.Opa;
using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>Both engines must return identical decisions, plans included, for the same input.</summary>
public sealed class EngineEquivalenceTests(OpaServerFixture fixture) : IClassFixture<OpaServerFixture>
{
    public static TheoryData<string> Cases() => [.. ContractCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EvaluateAsync_SameInput_SameDecisionsOnBothEngines(string name)
    {
        var input = ContractCase.Load(name).Input;
        var opa = new OpaPolicyEngine(fixture.Http, new OpaEngineOptions { BaseAddress = fixture.Server.BaseAddress });

        var viaHttp = await opa.EvaluateAsync(input, TestContext.Current.CancellationToken);
        var inProcess = await Engines.Embedded.EvaluateAsync(input, TestContext.Current.CancellationToken);

        Assert.True(viaHttp.IsSuccess, viaHttp.Error?.Message);
        Assert.True(inProcess.IsSuccess, inProcess.Error?.Message);
        Assert.Equal(inProcess.Decisions.Select(d => d.ToCanonicalJson()), viaHttp.Decisions.Select(d => d.ToCanonicalJson()));
    }

    [Fact]
    public async Task ListPoliciesAsync_BothEngines_SameMetadata()
    {
        var opa = new OpaPolicyEngine(fixture.Http, new OpaEngineOptions { BaseAddress = fixture.Server.BaseAddress });

        var viaHttp = await opa.ListPoliciesAsync(TestContext.Current.CancellationToken);
        var inProcess = await Engines.Embedded.ListPoliciesAsync(TestContext.Current.CancellationToken);

        Assert.True(viaHttp.IsSuccess, viaHttp.Error?.Message);
        Assert.Equal(inProcess.Policies.Count, viaHttp.Policies.Count);
        Assert.Equal(inProcess.Policies.Select(p => p with { AppliesTo = [.. p.AppliesTo], References = [.. p.References] }).Select(Describe), viaHttp.Policies.Select(Describe));
    }

    private static string Describe(PolicyMetadata p) =>
        $"{p.Id}|{p.Title}|{p.Description}|{string.Join(',', p.AppliesTo)}|{p.Severity}|{p.ErrorCode}|{p.Remediable}|{p.Destructive}|{p.Fix}|{string.Join(';', p.References)}";
}
