using Enforcer.Policies.Opa;
using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>The engine contract through the OPA REST client, over real HTTP to the OPA-compatible test server.</summary>
public sealed class OpaPolicyEngineContractTests(OpaServerFixture fixture) : PolicyEngineContractTests, IClassFixture<OpaServerFixture>
{
    protected override IPolicyEngine Engine { get; } = new OpaPolicyEngine(fixture.Http, new OpaEngineOptions { BaseAddress = fixture.Server.BaseAddress });
}
