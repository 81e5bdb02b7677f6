using Enforcer.Policies.Embedded;

namespace Enforcer.Policies.Tests.Support;

/// <summary>The policy library compiled once for the whole test run (compiling is the slow part).</summary>
internal static class Engines
{
    private static readonly Lazy<EmbeddedPolicyEngine> EmbeddedEngine = new(() =>
        EmbeddedPolicyEngine.Load(PolicyBundle.FromDirectory(RepositoryPaths.PolicyDirectory)));

    private static readonly Lazy<EmbeddedPolicyEngine> WithTestsEngine = new(() =>
        EmbeddedPolicyEngine.Load(PolicyBundle.FromDirectory(RepositoryPaths.PolicyDirectory, includeTests: true)));

    private static readonly Lazy<PolicyListing> CatalogListing = new(() =>
        EmbeddedEngine.Value.ListPoliciesAsync(CancellationToken.None).GetAwaiter().GetResult());

    public static EmbeddedPolicyEngine Embedded => EmbeddedEngine.Value;

    /// <summary>The library with its test packages loaded, to read their fixtures.</summary>
    public static EmbeddedPolicyEngine WithTests => WithTestsEngine.Value;

    /// <summary>The library's metadata (the embedded engine answers synchronously).</summary>
    public static PolicyListing Catalog => CatalogListing.Value;
}
