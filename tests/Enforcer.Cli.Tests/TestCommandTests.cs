namespace Enforcer.Cli.Tests;

public class TestCommandTests
{
    [Fact]
    public async Task Test_PassingPolicies_ListsEachTestAndExitsZero()
    {
        var run = await CliRun.RunAsync("test", CliRun.Path("Fixtures", "policy-pass"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("data.sums_test.test_total_adds_values", run.Output, StringComparison.Ordinal);
        Assert.Contains("data.sums_test.test_small_below_ten", run.Output, StringComparison.Ordinal);
        Assert.Contains("SKIP", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 passed, 0 failed, 1 skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_FailingTest_ReportsItAndExitsOne()
    {
        var run = await CliRun.RunAsync("test", CliRun.Path("Fixtures", "policy-fail"));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"FAIL\s+data\.sums_test\.test_large_is_small", run.Output);
        Assert.Contains("1 passed, 1 failed, 0 skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_FailuresOnly_OmitsPassingTests()
    {
        var run = await CliRun.RunAsync("test", "--failures-only", CliRun.Path("Fixtures", "policy-fail"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("test_large_is_small", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test_total_adds_values", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_PolicyThatDoesNotCompile_ShowsTheLocationAndExitsTwo()
    {
        var run = await CliRun.RunAsync("test", CliRun.Path("Fixtures", "policy-broken"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.rego:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_MissingDirectory_ExitsTwo()
    {
        var run = await CliRun.RunAsync("test", CliRun.Path("Fixtures", "no-such-policy-dir"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-policy-dir", run.Error, StringComparison.Ordinal);
    }
}
