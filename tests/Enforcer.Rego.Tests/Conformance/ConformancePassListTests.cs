using Enforcer.Rego.Conformance;

namespace Enforcer.Rego.Tests.Conformance;

/// <summary>
/// Ratchet over OPA's conformance cases: every note in passing-v1.txt / passing-v0.txt must still pass.
/// The lists may only grow. Skipped areas and builtins (with reasons) are listed in ConformanceRunner.
/// </summary>
public class ConformancePassListTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v0")]
    public void PassList_EveryListedCase_StillPasses(string version)
    {
        var dir = ConformanceRunner.FindDirectory();
        if (dir is null)
        {
            Assert.Skip("OPA conformance cases not found: set OPA_CONFORMANCE_DIR or place them at ../shared/opa-conformance.");
        }

        var listPath = Path.Combine(AppContext.BaseDirectory, "Conformance", $"passing-{version}.txt");
        var listed = File.ReadAllLines(listPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(listed);

        var report = ConformanceRunner.Run(dir, new ConformanceOptions { V0 = version == "v0" });
        var passing = report.PassingNotes().ToHashSet(StringComparer.Ordinal);
        var regressions = listed.Where(note => !passing.Contains(note)).ToList();
        var details = report.Results
            .Where(r => r.Outcome == CaseOutcome.Failed && regressions.Contains(r.Note))
            .Select(r => $"{r.Note}: {r.Detail}");
        Assert.True(regressions.Count == 0, "Cases on the pass-list no longer pass:\n" + string.Join("\n", details));
    }

    [Fact]
    public void Skips_EveryOutOfScopeArea_HasAReason()
    {
        Assert.All(ConformanceRunner.OutOfScopeAreas, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        var skipped = ConformanceRunner.SkipReason(new ConformanceCase { Note = "x/y", Area = "x", File = "f", Modules = ["package p\nq := http.send({})"] });
        Assert.Contains("http.send", skipped, StringComparison.Ordinal);
    }
}
