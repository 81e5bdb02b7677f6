using System.Diagnostics;
using System.Text.Json;

[assembly: AssemblyFixture(typeof(Enforcer.Deploy.Tests.TerraformFixture))]

namespace Enforcer.Deploy.Tests;

/// <summary>
/// Parses terraform/ once per test run with the HCL-to-JSON converter in hcl/ (npm @cdktf/hcl2json,
/// installed by eng/install-test-deps.sh). Without it the Terraform tests skip on a developer machine
/// and fail under CI=true, so a CI run can never pass without having checked the configuration.
/// </summary>
public sealed class TerraformFixture
{
    private readonly Lazy<(TerraformConfiguration? Configuration, string? Problem)> _parsed = new(Parse);

    internal TerraformConfiguration Configuration
    {
        get
        {
            var (configuration, problem) = _parsed.Value;
            if (configuration is not null)
            {
                return configuration;
            }

            if (IsCi)
            {
                Assert.Fail(problem);
            }

            Assert.Skip(problem!);
            return null!;
        }
    }

    internal static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    private static (TerraformConfiguration?, string?) Parse()
    {
        var hcl = RepositoryRoot.Combine("tests", "Enforcer.Deploy.Tests", "hcl");
        const string install = "run: npm ci --prefix tests/Enforcer.Deploy.Tests/hcl (eng/install-test-deps.sh does)";
        if (!Directory.Exists(Path.Combine(hcl, "node_modules", "@cdktf", "hcl2json")))
        {
            return (null, $"The HCL parser is not installed; {install}.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = hcl,
        };
        start.ArgumentList.Add(Path.Combine(hcl, "tf2json.mjs"));
        start.ArgumentList.Add(RepositoryRoot.Combine("terraform"));

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"node could not be started ({e.Message}); install Node.js 18+ and {install}.");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                // A syntax error in a .tf file lands here: that is a failure everywhere, not a skip.
                throw new InvalidOperationException($"tf2json.mjs failed ({process.ExitCode}): {stderr.Result}");
            }

            using var doc = JsonDocument.Parse(stdout);
            return (new TerraformConfiguration(doc.RootElement.Clone()), null);
        }
    }
}
