using Enforcer.Rego.Conformance;

// Prints the per-area conformance table:
// dotnet run --project shared/Enforcer.Rego.Conformance -- [dir] [--v0] [--area PREFIX] [--failures] [--passing] [--write-passlist FILE]
var dir = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(a)) ?? ConformanceRunner.FindDirectory(Environment.CurrentDirectory);
if (dir is null)
{
    Console.Error.WriteLine("No conformance directory: pass one or set OPA_CONFORMANCE_DIR.");
    return 2;
}

var areaIndex = Array.IndexOf(args, "--area");
var options = new ConformanceOptions
{
    V0 = args.Contains("--v0"),
    AreaFilter = areaIndex >= 0 && areaIndex + 1 < args.Length ? args[areaIndex + 1] : null,
};
var report = ConformanceRunner.Run(dir, options);
Console.Write(report.FormatTable());
if (args.Contains("--failures"))
{
    foreach (var failure in report.Results.Where(r => r.Outcome == CaseOutcome.Failed))
    {
        Console.WriteLine($"FAIL {failure.Note}: {failure.Detail}");
    }
}

if (args.Contains("--passing"))
{
    foreach (var pass in report.Results.Where(r => r.Outcome == CaseOutcome.Passed))
    {
        Console.WriteLine($"PASS {pass.Note}");
    }
}

var passListIndex = Array.IndexOf(args, "--write-passlist");
if (passListIndex >= 0 && passListIndex + 1 < args.Length)
{
    // The pass-list only grows: keep what it already lists, add what passes now.
    var file = args[passListIndex + 1];
    var notes = new SortedSet<string>(report.PassingNotes(), StringComparer.Ordinal);
    if (File.Exists(file))
    {
        notes.UnionWith(File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    File.WriteAllLines(file, ["# Conformance pass-list (ratchet): every note below must pass. Only add lines.", "# Regenerate: dotnet run --project shared/Enforcer.Rego.Conformance -- --write-passlist <this file> [--v0]", .. notes]);
}

return 0;

bool IsOptionValue(string a) => areaIndexOf(a);

bool areaIndexOf(string a)
{
    var i = Array.IndexOf(args, a);
    return i > 0 && args[i - 1] is "--area" or "--write-passlist";
}
