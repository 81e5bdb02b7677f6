using Enforcer.Policies;
using Enforcer.Policies.Embedded;

namespace Enforcer.Enforcement.Tests;

/// <summary>The production policy bundle, compiled once for the test assembly.</summary>
internal static class Policies
{
    private static readonly Lazy<EmbeddedPolicyEngine> Engine = new(() => EmbeddedPolicyEngine.Load(PolicyBundle.FromEmbeddedResources()));

    public static IPolicyEngine Embedded => Engine.Value;
}
