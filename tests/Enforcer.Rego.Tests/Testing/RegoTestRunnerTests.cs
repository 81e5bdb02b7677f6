using Enforcer.Rego.Testing;

namespace Enforcer.Rego.Tests.Testing;

public sealed class RegoTestRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rego-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_Directory_ReportsPassFailErrorAndSkip()
    {
        File.WriteAllText(Path.Combine(_dir, "policy.rego"), "package gcs\ndeny contains \"public\" if input.public\nlimit := data.limits.max\n");
        Directory.CreateDirectory(Path.Combine(_dir, "limits"));
        File.WriteAllText(Path.Combine(_dir, "limits", "data.json"), """{"max": 3}""");
        File.WriteAllText(Path.Combine(_dir, "policy_test.rego"), """
            package gcs_test
            import data.gcs
            test_public_denied if "public" in gcs.deny with input as {"public": true}
            test_private_allowed if count(gcs.deny) == 0 with input as {"public": false}
            test_limit_from_data if gcs.limit == 3
            test_wrong if gcs.limit == 4
            test_error if 1 / 0 == 1 with input as {}
            todo_test_later if false
            """);
        var report = RegoTestRunner.Run(_dir);
        Assert.Empty(report.Diagnostics);
        var byName = report.Results.ToDictionary(r => r.Name, r => r.Outcome);
        Assert.Equal(RegoTestOutcome.Pass, byName["test_public_denied"]);
        Assert.Equal(RegoTestOutcome.Pass, byName["test_private_allowed"]);
        Assert.Equal(RegoTestOutcome.Pass, byName["test_limit_from_data"]);
        Assert.Equal(RegoTestOutcome.Fail, byName["test_wrong"]);
        Assert.Equal(RegoTestOutcome.Fail, byName["test_error"]);
        Assert.Equal(RegoTestOutcome.Skip, byName["todo_test_later"]);
        Assert.Equal(1, report.ExitCode);
        Assert.Contains("3 passed, 2 failed, 1 skipped", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CompileError_ExitCodeTwoWithDiagnostic()
    {
        File.WriteAllText(Path.Combine(_dir, "x_test.rego"), "package x\ntest_a if {\n  y > 1\n}\n");
        var report = RegoTestRunner.Run(_dir);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("x_test.rego:3:", report.Format(), StringComparison.Ordinal);
    }
}
