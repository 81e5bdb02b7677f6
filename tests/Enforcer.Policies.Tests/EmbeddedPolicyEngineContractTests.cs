using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>The engine contract on the in-process engine.</summary>
public sealed class EmbeddedPolicyEngineContractTests : PolicyEngineContractTests
{
    protected override IPolicyEngine Engine => Engines.Embedded;
}
