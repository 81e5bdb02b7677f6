using YamlDotNet.RepresentationModel;

namespace Enforcer.Deploy.Tests;

/// <summary>cloudbuild.yaml, parsed: its steps in order and its declared substitutions.</summary>
internal sealed class CloudBuildFile
{
    private CloudBuildFile(IReadOnlyList<CloudBuildStep> steps, IReadOnlyDictionary<string, string> substitutions, string text)
    {
        Steps = steps;
        Substitutions = substitutions;
        Text = text;
    }

    public IReadOnlyList<CloudBuildStep> Steps { get; }

    public IReadOnlyDictionary<string, string> Substitutions { get; }

    public string Text { get; }

    public CloudBuildStep Step(string id) =>
        Steps.SingleOrDefault(s => s.Id == id) ?? throw new Xunit.Sdk.XunitException($"cloudbuild.yaml has no step '{id}'.");

    public static CloudBuildFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var yaml = new YamlStream();
        using (var reader = new StringReader(text))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var substitutions = root.Children.TryGetValue(new YamlScalarNode("substitutions"), out var subs)
            ? ((YamlMappingNode)subs).Children.ToDictionary(kv => Scalar(kv.Key)!, kv => Scalar(kv.Value) ?? "", StringComparer.Ordinal)
            : [];

        var steps = new List<CloudBuildStep>();
        foreach (var node in (YamlSequenceNode)root.Children[new YamlScalarNode("steps")])
        {
            var step = (YamlMappingNode)node;
            string? Get(string key) => step.Children.TryGetValue(new YamlScalarNode(key), out var v) ? Scalar(v) : null;
            IReadOnlyList<string> List(string key) => step.Children.TryGetValue(new YamlScalarNode(key), out var v)
                ? v is YamlSequenceNode seq ? [.. seq.Select(i => Scalar(i) ?? "")] : [Scalar(v) ?? ""]
                : [];

            steps.Add(new CloudBuildStep(
                Get("id") ?? throw new Xunit.Sdk.XunitException("every cloudbuild.yaml step needs an id"),
                Get("name") ?? throw new Xunit.Sdk.XunitException("every cloudbuild.yaml step needs a name (image)"),
                Get("entrypoint"),
                List("args"),
                List("waitFor")));
        }

        return new CloudBuildFile(steps, substitutions, text);
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;
}
