using Enforcer.Policies.Embedded;
using Enforcer.Policies.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Policies.Tests;

/// <summary>Behaviour specific to the in-process engine: compile errors, clock injection, concurrency.</summary>
public sealed class EmbeddedPolicyEngineTests
{
    [Fact]
    public void Load_PolicyThatDoesNotCompile_ThrowsWithLocation()
    {
        var dir = Directory.CreateTempSubdirectory("policy-broken-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "bad.rego"), "package enforcer\n\ndecisions := [x | x := ]\n");

            var ex = Assert.Throws<InvalidOperationException>(() => EmbeddedPolicyEngine.Load(PolicyBundle.FromDirectory(dir)));

            Assert.Contains("bad.rego:3", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_NoEntrypoint_UndefinedError()
    {
        var dir = Directory.CreateTempSubdirectory("policy-empty-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "other.rego"), "package other\n\nx := 1\n");
            var engine = EmbeddedPolicyEngine.Load(PolicyBundle.FromDirectory(dir));

            var evaluation = engine.Evaluate(ContractCase.Load("firewall_rdp_open").Input, TestContext.Current.CancellationToken);

            Assert.Equal(PolicyErrorKind.Undefined, evaluation.Error?.Kind);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task EvaluateAsync_ManyThreads_SameDecisions()
    {
        var input = ContractCase.Load("compute_bastion").Input;
        var expected = Engines.Embedded.Evaluate(input, TestContext.Current.CancellationToken).Decisions.Select(d => d.ToCanonicalJson()).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Engines.Embedded.Evaluate(input), TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.Equal(expected, r.Decisions.Select(d => d.ToCanonicalJson())));
    }

    [Fact]
    public void Evaluate_KeyAge_UsesInjectedClock()
    {
        var bundle = PolicyBundle.FromDirectory(RepositoryPaths.PolicyDirectory);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var engine = EmbeddedPolicyEngine.Load(bundle, clock);
        var key = PolicyInput.FromJson(System.Text.Json.JsonDocument.Parse("""
            {"type": "iam.googleapis.com/ServiceAccountKey",
             "name": "//iam.googleapis.com/projects/p/serviceAccounts/a@p.iam.gserviceaccount.com/keys/k1",
             "resource": {"keyType": "USER_MANAGED", "validAfterTime": "2026-01-15T00:00:00Z"}}
            """).RootElement)!;

        var young = engine.Evaluate(key, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromDays(120));
        var old = engine.Evaluate(key, TestContext.Current.CancellationToken);

        Assert.True(young.IsSuccess, young.Error?.Message);
        Assert.True(Assert.Single(young.Decisions, d => d.PolicyId == "iam_service_account_keys_require_rotation").Compliant);
        Assert.False(Assert.Single(old.Decisions, d => d.PolicyId == "iam_service_account_keys_require_rotation").Compliant);
    }
}
