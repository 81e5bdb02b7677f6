using System.Text.RegularExpressions;

namespace Enforcer.Deploy.Tests;

/// <summary>
/// Terraform and the code agree on configuration names: every environment variable Terraform gives a function is
/// read somewhere in the product's code (as a string literal in shared/ or functions/). A renamed or misspelt
/// variable would otherwise deploy silently and be ignored.
/// </summary>
public sealed partial class TerraformEnvironmentTests
{
    [Fact]
    public void EnvironmentVariables_SetByTerraform_AreAllReadByTheCode()
    {
        var set = TerraformVariables();
        Assert.Contains("ENFORCER_ENFORCE", set);
        Assert.Contains("SLACK_WEBHOOK_URL", set);

        var source = string.Join('\n', new[] { "shared", "functions" }
            .SelectMany(d => Directory.EnumerateFiles(RepositoryRoot.Combine(d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var unread = set.Where(name => !source.Contains('"' + name + '"', StringComparison.Ordinal)).ToList();
        Assert.True(unread.Count == 0, "Terraform sets variables no code reads: " + string.Join(", ", unread));
    }

    private static SortedSet<string> TerraformVariables()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("terraform"), "*.tf"))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in EnvAssignment().Matches(text))
            {
                names.Add(m.Groups[1].Value);
            }

            foreach (Match m in EnvName().Matches(text))
            {
                names.Add(m.Groups[1].Value);
            }
        }

        return names;
    }

    // Map entries in the env locals and merges: NAME = value, with the upper-case names functions read.
    [GeneratedRegex(@"^\s+((?:ENFORCER|OPA|SLACK|GOOGLE|FIRESTORE|OTEL)_[A-Z0-9_]+)\s+=", RegexOptions.Multiline)]
    private static partial Regex EnvAssignment();

    // env blocks that name the variable: name = "SLACK_WEBHOOK_URL".
    [GeneratedRegex(@"name\s+=\s+""((?:ENFORCER|OPA|SLACK|GOOGLE|FIRESTORE|OTEL)_[A-Z0-9_]+)""")]
    private static partial Regex EnvName();
}
