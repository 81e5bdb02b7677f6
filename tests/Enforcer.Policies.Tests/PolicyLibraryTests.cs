using Enforcer.Policies.Tests.Support;
using Enforcer.Rego.Testing;

namespace Enforcer.Policies.Tests;

/// <summary>Runs every <c>*_test.rego</c> under policy/ on the embedded engine, as <c>opa test policy/</c> would.</summary>
public sealed class PolicyLibraryTests
{
    private static readonly Lazy<RegoTestReport> Report = new(() => RegoTestRunner.Run(RepositoryPaths.PolicyDirectory));

    [Fact]
    public void RegoTests_WholeLibrary_AllPass()
    {
        var report = Report.Value;

        Assert.True(report.Success, report.Format(verbose: false));
        Assert.Equal(0, report.Skipped);
    }

    [Fact]
    public void RegoTests_EveryPolicy_HasPassingTestsForEachCase()
    {
        var report = Report.Value;
        var policyIds = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.PolicyDirectory, "policies"), "*.rego", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_test.rego", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        foreach (var id in policyIds)
        {
            var tests = report.Results.Where(r => r.Package == $"data.enforcer.tests.{id}").ToList();
            Assert.True(tests.Count >= 5, $"{id}: only {tests.Count} tests ran");
            Assert.Contains(tests, t => t.Name.Contains("compliant", StringComparison.Ordinal));
            Assert.Contains(tests, t => t.Name.Contains("excluded", StringComparison.Ordinal));
            Assert.Contains(tests, t => t.Name.Contains("remediation", StringComparison.Ordinal) || t.Name.Contains("plan", StringComparison.Ordinal));
        }
    }
}
