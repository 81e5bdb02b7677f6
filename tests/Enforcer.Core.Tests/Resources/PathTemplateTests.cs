using Enforcer.Core.Resources;

namespace Enforcer.Core.Tests.Resources;

public class PathTemplateTests
{
    private static readonly PathTemplate Instance = PathTemplate.Parse("projects/{project}/zones/{zone}/instances/{instance}");

    [Theory]
    [InlineData("projects/p/zones/z/instances/i", PathMatch.Full)]
    [InlineData("projects/p/zones/z/instances/i/setLabels", PathMatch.PathIsChild)]
    [InlineData("projects/p/zones/z", PathMatch.PathIsParent)]
    [InlineData("projects/p/zones", PathMatch.None)]
    [InlineData("projects/p/regions/z/instances/i", PathMatch.None)]
    [InlineData("folders/p", PathMatch.None)]
    public void Match_Path_ReportsHowItLinesUp(string path, PathMatch expected)
    {
        var values = new Dictionary<string, string>();

        Assert.Equal(expected, Instance.Match(path.Split('/'), values));
        if (expected == PathMatch.None)
        {
            Assert.Empty(values);
        }
    }

    [Fact]
    public void Match_HoleWithVerbSuffix_ExtractsValueWithoutSuffix()
    {
        var template = PathTemplate.Parse("projects/{project}/topics/{topic}:setIamPolicy");
        var values = new Dictionary<string, string>();

        Assert.Equal(PathMatch.Full, template.Match("projects/p/topics/t:setIamPolicy".Split('/'), values));
        Assert.Equal("t", values["topic"]);
        Assert.Equal(PathMatch.None, template.Match("projects/p/topics/t".Split('/'), new Dictionary<string, string>()));
    }

    [Fact]
    public void Expand_WithEscape_EscapesValuesNotLiterals()
    {
        var template = PathTemplate.Parse("projects/{project}/serviceAccounts/{account}:getIamPolicy");

        var path = template.Expand(new Dictionary<string, string> { ["project"] = "p", ["account"] = "a b@p.iam" }, escape: true);

        Assert.Equal("projects/p/serviceAccounts/a%20b%40p.iam:getIamPolicy", path);
    }

    [Fact]
    public void Expand_MissingValue_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Instance.Expand(new Dictionary<string, string> { ["project"] = "p" }));
}
