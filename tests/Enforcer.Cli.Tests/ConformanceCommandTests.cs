namespace Enforcer.Cli.Tests;

public class ConformanceCommandTests
{
    private static readonly string Cases = CliRun.Path("Fixtures", "conformance");

    [Fact]
    public async Task Conformance_CaseDirectory_PrintsTheAreaTableAndFailsOnAFailingCase()
    {
        var run = await CliRun.RunAsync("conformance", Cases, "--failures");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"sums\s+1\s+1\s+0", run.Output);
        Assert.Contains("50.0% of in-scope cases pass", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL sums/expects a wrong answer", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_PassListOfPassingCases_ExitsZero()
    {
        var run = await CliRun.RunAsync("conformance", Cases, "--pass-list", Path.Combine(Cases, "passing-ok.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1/1 listed cases pass", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_PassListNamingAFailingCase_ReportsTheRegressionAndExitsOne()
    {
        var run = await CliRun.RunAsync("conformance", Cases, "--pass-list", Path.Combine(Cases, "passing-regressed.txt"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("REGRESSION sums/expects a wrong answer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_MissingDirectory_ExitsTwo()
    {
        var run = await CliRun.RunAsync("conformance", CliRun.Path("Fixtures", "no-such-cases"));

        Assert.Equal(2, run.ExitCode);
    }
}
