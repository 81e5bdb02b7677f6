using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>
/// The engine contract, run against every <see cref="IPolicyEngine"/> implementation: each fixture in
/// Fixtures/Contract gives an input and the exact decisions (ids, compliance, exclusion, remediability, plan
/// methods) it must produce.
/// </summary>
public abstract class PolicyEngineContractTests
{
    protected abstract IPolicyEngine Engine { get; }

    public static TheoryData<string> Cases() => [.. ContractCase.Names()];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EvaluateAsync_ContractFixture_ReturnsExpectedDecisions(string name)
    {
        var fixture = ContractCase.Load(name);

        var evaluation = await Engine.EvaluateAsync(fixture.Input, TestContext.Current.CancellationToken);

        Assert.True(evaluation.IsSuccess, evaluation.Error?.Message);
        var expected = fixture.Expected.EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("policy_id").GetString()), evaluation.Decisions.Select(d => d.PolicyId));
        foreach (var (want, got) in expected.Zip(evaluation.Decisions))
        {
            Assert.Equal(want.GetProperty("compliant").GetBoolean(), got.Compliant);
            Assert.Equal(want.GetProperty("excluded").GetBoolean(), got.Excluded);
            Assert.Equal(want.GetProperty("remediable").GetBoolean(), got.Remediable);
            Assert.Equal(got.Compliant, got.Message.Length == 0);
            var methods = got.Remediation is { } plan
                ? plan.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("method").GetString()).ToList()
                : [];
            Assert.Equal(want.GetProperty("plan_methods").EnumerateArray().Select(m => m.GetString()), methods);
            if (got.Remediation is { } p)
            {
                Assert.Equal("v2", p.GetProperty("_remediation_spec").GetString());
            }
        }
    }

    [Fact]
    public async Task EvaluateAsync_Decisions_AreSortedByPolicyId()
    {
        var fixture = ContractCase.Load("sql_postgres_open");

        var evaluation = await Engine.EvaluateAsync(fixture.Input, TestContext.Current.CancellationToken);

        Assert.True(evaluation.IsSuccess, evaluation.Error?.Message);
        Assert.Equal(evaluation.Decisions.Select(d => d.PolicyId).Order(StringComparer.Ordinal), evaluation.Decisions.Select(d => d.PolicyId));
    }

    [Fact]
    public async Task EvaluateAsync_ExcludedDecision_CarriesNoPlanButKeepsSeverity()
    {
        var fixture = ContractCase.Load("bucket_excluded_by_label");

        var evaluation = await Engine.EvaluateAsync(fixture.Input, TestContext.Current.CancellationToken);

        var decision = Assert.Single(evaluation.Decisions, d => d.PolicyId == "storage_buckets_disallow_unauthenticated_public_access");
        Assert.True(decision.Excluded);
        Assert.False(decision.Compliant);
        Assert.Null(decision.Remediation);
        Assert.Equal(PolicySeverity.Critical, decision.Severity);
        Assert.Equal("GCS-002", decision.ErrorCode);
    }

    [Fact]
    public async Task EvaluateAsync_IamRemediation_KeepsOtherMembersAndEtag()
    {
        var fixture = ContractCase.Load("bucket_public_unversioned");

        var evaluation = await Engine.EvaluateAsync(fixture.Input, TestContext.Current.CancellationToken);

        var decision = Assert.Single(evaluation.Decisions, d => d.PolicyId == "storage_buckets_disallow_unauthenticated_public_access");
        var step = Assert.Single(decision.Remediation!.Value.GetProperty("steps").EnumerateArray());
        var body = step.GetProperty("params").GetProperty("body");
        Assert.Equal("CAE=", body.GetProperty("etag").GetString());
        var members = body.GetProperty("bindings").EnumerateArray().SelectMany(b => b.GetProperty("members").EnumerateArray()).Select(m => m.GetString()).ToList();
        Assert.Equal(["group:web@example.com", "group:web-admins@example.com"], members);
        Assert.Equal("shared-assets", step.GetProperty("params").GetProperty("bucket").GetString());
    }

    [Fact]
    public async Task ListPoliciesAsync_Catalog_HasEveryPolicyFileSortedById()
    {
        var listing = await Engine.ListPoliciesAsync(TestContext.Current.CancellationToken);

        Assert.True(listing.IsSuccess, listing.Error?.Message);
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.PolicyDirectory, "policies"), "*.rego", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_test.rego", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(files, listing.Policies.Select(p => p.Id));
    }
}
