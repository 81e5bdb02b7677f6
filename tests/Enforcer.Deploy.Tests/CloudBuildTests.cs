using System.Text.RegularExpressions;

namespace Enforcer.Deploy.Tests;

/// <summary>cloudbuild.yaml: the README's tests, OPA's tests, the images Terraform runs, and a complete Terraform cycle.</summary>
public sealed partial class CloudBuildTests(TerraformFixture fixture)
{
    private static readonly string[] Images = ["evaluate", "remediate", "history", "opa"];

    private static readonly Lazy<CloudBuildFile> Loaded = new(() => CloudBuildFile.Load(RepositoryRoot.Combine("cloudbuild.yaml")));

    private static CloudBuildFile Build => Loaded.Value;

    [Fact]
    public void TestStep_Script_RunsTheReadmeTestCommand()
    {
        var command = ReadmeTestCommand();
        Assert.Equal("bash eng/test.sh", command);

        var step = Build.Step("test");
        var lines = step.Args.SelectMany(a => a.Split('\n')).Select(l => l.Trim());
        Assert.Contains(command, lines);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", step.Image, StringComparison.Ordinal);
    }

    [Fact]
    public void OpaTestStep_OfficialPinnedImage_TestsThePolicyFolder()
    {
        var step = Build.Step("opa-test");
        Assert.Equal("openpolicyagent/opa:${_OPA_VERSION}-static", step.Image);
        Assert.Equal(["test", "policy/", "-v"], step.Args);

        // The pipeline tests with the OPA version the image serves.
        var version = Build.Substitutions["_OPA_VERSION"];
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("policy", "Dockerfile"));
        Assert.Contains($"ARG OPA_VERSION={version}\n", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_PathsTheyName_ExistInTheRepository()
    {
        var checkedPaths = 0;
        foreach (var step in Build.Steps)
        {
            foreach (var path in RepositoryPaths(step))
            {
                checkedPaths++;
                var full = RepositoryRoot.Combine(path.TrimEnd('/'));
                Assert.True(File.Exists(full) || Directory.Exists(full), $"step {step} names {path}, which does not exist");
            }
        }

        Assert.True(checkedPaths >= 10, $"expected the steps' paths, found {checkedPaths}");
    }

    [Fact]
    public void BuildSteps_EachImage_BuiltFromItsDockerfileAndPushed()
    {
        foreach (var image in Images)
        {
            var build = Build.Step($"build-{image}");
            var dockerfile = image == "opa" ? "policy/Dockerfile" : $"functions/{char.ToUpperInvariant(image[0])}{image[1..]}/Dockerfile";
            var f = build.Args.ToList().IndexOf("-f");
            Assert.True(f >= 0, $"{build} has no -f");
            Assert.Equal(dockerfile, build.Args[f + 1]);
            Assert.Equal(image == "opa" ? "policy/" : ".", build.Args[^1]);

            var repository = $"${{_REGION}}-docker.pkg.dev/${{PROJECT_ID}}/${{_REPOSITORY}}/{image}";
            Assert.Contains($"{repository}:${{BUILD_ID}}", build.Args);
            var push = Build.Step($"push-{image}");
            Assert.Equal(["push", "--all-tags", repository], push.Args);
            Assert.Contains(build.Id, push.WaitFor);
        }
    }

    [Fact]
    public void TerraformSteps_InitPlanApply_DeployTheBuiltImagesWithTheOrganizationVariables()
    {
        var tf = fixture.Configuration;
        var init = Build.Step("tf-init");
        Assert.Equal(["-chdir=terraform", "init"], init.Args.Take(2));
        Assert.Contains("-backend-config=bucket=${_TF_STATE_BUCKET}", init.Args);

        var plan = Build.Step("tf-plan");
        Assert.Equal(["-chdir=terraform", "plan"], plan.Args.Take(2));
        var vars = plan.Args.Where(a => a.StartsWith("-var=", StringComparison.Ordinal))
            .Select(a => a["-var=".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        Assert.Empty(vars.Keys.Except(tf.Variables.Keys));
        Assert.Equal("${_ORGANIZATION_ID}", vars["organization_id"]);
        Assert.Equal("${PROJECT_ID}", vars["project_id"]);
        Assert.Equal("${BUILD_ID}", vars["image_tag"]);
        foreach (var required in tf.Variables.Where(v => !v.Value.TryGetProperty("default", out _)))
        {
            Assert.True(vars.ContainsKey(required.Key), $"tf-plan does not pass the required variable {required.Key}");
        }

        Assert.Contains("-out=tfplan", plan.Args);
        Assert.Equal(["-chdir=terraform", "apply", "-input=false", "tfplan"], Build.Step("tf-apply").Args);
        foreach (var image in Images)
        {
            Assert.Contains($"push-{image}", plan.WaitFor);
        }

        // The targeted first apply names a resource that exists.
        var target = Build.Step("tf-repository").Args.Single(a => a.StartsWith("-target=", StringComparison.Ordinal))["-target=".Length..];
        Assert.Contains(tf.Resources, r => r.Address == target);
    }

    [Fact]
    public void DeadLetterStep_AfterApply_AttachesTerraformsOutput()
    {
        var output = Build.Step("tf-output");
        Assert.Contains("output -json dead_letter_attachments > /workspace/dead-letter.json", output.CommandLine, StringComparison.Ordinal);
        var attach = Build.Step("dead-letter");
        Assert.Equal(["terraform/scripts/attach-dead-letter.sh", "/workspace/dead-letter.json"], attach.Args);
        Assert.Equal(["tf-output"], attach.WaitFor);
        Assert.Equal(["tf-apply"], output.WaitFor);
    }

    [Fact]
    public void Steps_WaitFor_NameEarlierSteps()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in Build.Steps)
        {
            Assert.True(seen.Add(step.Id), $"step id {step.Id} appears twice");
            Assert.All(step.WaitFor.Where(w => w != "-"), w => Assert.True(seen.Contains(w) && w != step.Id, $"{step} waits for '{w}', not an earlier step"));
        }
    }

    [Fact]
    public void Substitutions_UsedAndDeclared_Match()
    {
        var used = UserSubstitution().Matches(Build.Text).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(Build.Substitutions.Keys.Order(), used.Order());
    }

    [Fact]
    public void DeployDoc_SubstitutionsAndVariables_ItNames_Exist()
    {
        var doc = File.ReadAllText(RepositoryRoot.Combine("docs", "deploy.md"));
        var substitutions = DocSubstitution().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(substitutions);
        Assert.Empty(substitutions.Except(Build.Substitutions.Keys));

        // Every "-var name=" and "name = value" setting the doc tells people to use is a declared variable.
        var variables = DocVariable().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(variables);
        Assert.Empty(variables.Except(fixture.Configuration.Variables.Keys));
    }

    private static IEnumerable<string> RepositoryPaths(CloudBuildStep step)
    {
        string[] roots = ["functions/", "shared/", "tests/", "policy/", "terraform/", "eng/", "docs/"];
        foreach (var arg in step.Args.SelectMany(a => a.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)))
        {
            var value = arg.StartsWith("-chdir=", StringComparison.Ordinal) ? arg["-chdir=".Length..] : arg;
            if (value is "Serverless.sln" || roots.Any(r => value.StartsWith(r, StringComparison.Ordinal)) || value == "terraform")
            {
                yield return value;
            }
        }
    }

    private static string ReadmeTestCommand()
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine("README.md"));
        var heading = Array.FindIndex(lines, l => l.StartsWith("Run every test", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README.md no longer says 'Run every test'");
        var fence = Array.FindIndex(lines, heading, l => l.StartsWith("```", StringComparison.Ordinal));
        return lines[fence + 1].Trim();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9$])(_[A-Z][A-Z0-9_]+)(?==)")]
    private static partial Regex DocSubstitution();

    [GeneratedRegex(@"-var[ =]""?([a-z_]+)=")]
    private static partial Regex DocVariable();

    [GeneratedRegex(@"\$\{(_[A-Z0-9_]+)\}")]
    private static partial Regex UserSubstitution();
}
