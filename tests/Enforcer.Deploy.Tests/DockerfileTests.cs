using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Enforcer.Deploy.Tests;

/// <summary>
/// The Dockerfiles: Native AOT on a small non-root base for the functions, the official OPA image for the
/// policies. No Docker engine exists here; eng/publish-check.sh runs each Dockerfile's publish line.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Functions => ["Evaluate", "Remediate", "History"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionDockerfile_Stages_BuildWithTheSdkAndRunChiseledAsNonRoot(string function)
    {
        var lines = Instructions(FunctionDockerfile(function));
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, froms.Count);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0], StringComparison.Ordinal);
        // Native AOT needs no runtime in the image; ReadyToRun runs on the ASP.NET Core runtime.
        var runtimeImage = IsNativeAot(lines) ? "runtime-deps" : "aspnet";
        Assert.Matches($@"^FROM mcr\.microsoft\.com/dotnet/{runtimeImage}:10\.0-[a-z]+-chiseled(-extra)? AS runtime$", froms[1]);

        // Everything after the last FROM is the image that runs.
        var runtime = lines.SkipWhile(l => l != froms[1]).ToList();
        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"^USER (root|0)(:|$)", user);
        Assert.Contains("EXPOSE 8080", runtime);
        Assert.Contains("ENV PORT=8080", runtime);
        Assert.DoesNotContain(runtime, l => l.StartsWith("RUN ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionDockerfile_Publish_IsNativeAotOfItsOwnProject(string function)
    {
        var lines = Instructions(FunctionDockerfile(function));
        var publish = Assert.Single(lines, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var project = $"functions/{function}/{function}.csproj";
        Assert.True(File.Exists(RepositoryRoot.Combine(project)), $"{project} does not exist");
        var assembly = AssemblyName(RepositoryRoot.Combine(project));
        Assert.Equal($"ENTRYPOINT [\"/app/{assembly}\"]", lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));

        if (IsNativeAot(lines))
        {
            Assert.Equal($"RUN dotnet publish {project} -c Release -r linux-x64 -p:PublishAot=true -o /out", publish);
            // The single native binary is all the image carries; clang and zlib link it in the build stage.
            Assert.Contains($"COPY --from=build /out/{assembly} /app/{assembly}", lines);
            Assert.Contains(lines, l => l.StartsWith("RUN apt-get", StringComparison.Ordinal) && l.Contains("clang", StringComparison.Ordinal) && l.Contains("zlib1g-dev", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal($"RUN dotnet publish {project} -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:DebugType=none -o /out", publish);
            Assert.Contains("COPY --from=build /out/ /app/", lines);
            // The brief asks for Native AOT; a Dockerfile that does not use it must say why.
            Assert.Contains("# Why ReadyToRun and not Native AOT:", FunctionDockerfile(function), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FunctionDockerfiles_PublishMode_IsTheSameForAllThree()
    {
        var modes = Functions.Select(f => IsNativeAot(Instructions(FunctionDockerfile((string)f.Data)))).Distinct();
        Assert.Single(modes);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionDockerfile_Copies_EveryProjectThePublishBuilds(string function)
    {
        var lines = Instructions(FunctionDockerfile(function));
        var copied = lines
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.StartsWith("COPY --from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "eng/BannedSymbols.txt" })
        {
            Assert.Contains(file, copied);
        }

        foreach (var project in ProjectClosure(RepositoryRoot.Combine("functions", function, $"{function}.csproj")))
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, Path.GetDirectoryName(project)!).Replace('\\', '/') + "/";
            Assert.True(copied.Any(c => c.EndsWith('/') && relative.StartsWith(c, StringComparison.Ordinal)), $"{function}'s Dockerfile does not copy {relative}");
        }
    }

    [Fact]
    public void OpaDockerfile_OfficialPinnedImage_ServesThePolicyBundleOnPort8080()
    {
        var lines = Instructions(File.ReadAllText(RepositoryRoot.Combine("policy", "Dockerfile")));
        var version = lines.Single(l => l.StartsWith("ARG OPA_VERSION=", StringComparison.Ordinal))["ARG OPA_VERSION=".Length..];
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.Equal("FROM openpolicyagent/opa:${OPA_VERSION}-static", Assert.Single(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal)));

        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"^USER (root|0)(:|$)", user);
        Assert.Contains("EXPOSE 8080", lines);

        var cmd = lines.Single(l => l.StartsWith("CMD ", StringComparison.Ordinal));
        foreach (var part in new[] { "\"run\"", "\"--server\"", "\"--addr=0.0.0.0:8080\"", "\"--bundle\"", "\"--set=decision_logs.console=true\"" })
        {
            Assert.Contains(part, cmd, StringComparison.Ordinal);
        }

        // Tests stay out of the bundle.
        var ignore = File.ReadAllLines(RepositoryRoot.Combine("policy", ".dockerignore"));
        Assert.Contains("**/*_test.rego", ignore);
    }

    [Fact]
    public void PublishCheck_Script_ReadsTheDockerfilesPublishLine()
    {
        var script = File.ReadAllText(RepositoryRoot.Combine("eng", "publish-check.sh"));
        Assert.Contains("^RUN dotnet publish ", script, StringComparison.Ordinal);
        Assert.Contains("functions/$name/Dockerfile", script, StringComparison.Ordinal);
        Assert.Contains("/healthz", script, StringComparison.Ordinal);
        Assert.Contains("ENFORCER_STORE=memory", script, StringComparison.Ordinal);
    }

    private static bool IsNativeAot(List<string> lines) =>
        lines.Any(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal) && l.Contains("-p:PublishAot=true", StringComparison.Ordinal));

    private static string FunctionDockerfile(string function) => File.ReadAllText(RepositoryRoot.Combine("functions", function, "Dockerfile"));

    /// <summary>Instructions with comments dropped and continuation lines joined.</summary>
    private static List<string> Instructions(string dockerfile)
    {
        var joined = Continuation().Replace(dockerfile, " ");
        return [.. joined.Split('\n')
            .Select(l => Spaces().Replace(l.Trim(), " "))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static string AssemblyName(string csproj) =>
        XDocument.Load(csproj).Descendants("AssemblyName").Select(e => e.Value).SingleOrDefault() ?? Path.GetFileNameWithoutExtension(csproj);

    private static IEnumerable<string> ProjectClosure(string csproj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(csproj)]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }

        return seen;
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
