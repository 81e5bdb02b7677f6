using Enforcer.Policies.Embedded;
using Enforcer.Policies.Tests.Support;

namespace Enforcer.Policies.Tests;

/// <summary>The bundle loader follows OPA's directory-loading rule for data and skips test files unless asked.</summary>
public sealed class PolicyBundleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policy-bundle-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void FromDirectory_JsonFiles_MergedUnderTheirDirectoryPath()
    {
        Write("config/data.json", "{\"a\": 1}");
        Write("config/extra/data.json", "{\"b\": true}");
        Write("top.json", "{\"c\": \"x\"}");
        Write("README.md", "ignored");

        var bundle = PolicyBundle.FromDirectory(_dir);

        Assert.Equal("{\"config\":{\"a\":1,\"extra\":{\"b\":true}},\"c\":\"x\"}", bundle.DataJson);
        Assert.Empty(bundle.Modules);
    }

    [Fact]
    public void FromDirectory_TestFiles_OnlyWhenAsked()
    {
        Write("p.rego", "package p\nx := 1\n");
        Write("p_test.rego", "package p_test\ntest_x if data.p.x == 1\n");

        Assert.Equal(["p.rego"], PolicyBundle.FromDirectory(_dir).Modules.Select(m => m.Path));
        Assert.Equal(["p.rego", "p_test.rego"], PolicyBundle.FromDirectory(_dir, includeTests: true).Modules.Select(m => m.Path));
    }

    [Fact]
    public void FromDirectory_SameKeyTwice_Throws()
    {
        Write("a/data.json", "{\"k\": 1}");
        Write("a/other.json", "{\"k\": 2}");

        Assert.Throws<InvalidDataException>(() => PolicyBundle.FromDirectory(_dir));
    }

    [Fact]
    public void FromEmbeddedResources_ShippedBundle_MatchesPolicyDirectoryWithoutTests()
    {
        var embedded = PolicyBundle.FromEmbeddedResources();
        var disk = PolicyBundle.FromDirectory(RepositoryPaths.PolicyDirectory);

        Assert.Equal(disk.Modules.Select(m => m.Path), embedded.Modules.Select(m => m.Path));
        Assert.Equal(disk.Modules.Select(m => m.Source), embedded.Modules.Select(m => m.Source));
        Assert.Equal(disk.DataJson, embedded.DataJson);
        Assert.DoesNotContain(embedded.Modules, m => m.Path.EndsWith("_test.rego", StringComparison.Ordinal));
    }
}
