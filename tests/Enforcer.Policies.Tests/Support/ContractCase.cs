using System.Text.Json;

namespace Enforcer.Policies.Tests.Support;

/// <summary>A contract fixture: an input and the decisions every engine must return for it.</summary>
public sealed class ContractCase
{
    private ContractCase(string name, PolicyInput input, JsonElement expected)
    {
        Name = name;
        Input = input;
        Expected = expected;
    }

    public string Name { get; }

    public PolicyInput Input { get; }

    /// <summary>The fixture's <c>decisions</c> array.</summary>
    public JsonElement Expected { get; }

    public static IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.Fixtures("Contract"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    public static ContractCase Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures("Contract"), name + ".json")));
        var root = document.RootElement;
        var input = PolicyInput.FromJson(root.GetProperty("input")) ?? throw new InvalidDataException($"{name}: input lacks type, name or resource");
        return new ContractCase(name, input, root.GetProperty("decisions").Clone());
    }

    public override string ToString() => Name;
}
