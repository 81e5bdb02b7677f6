using System.Text.Json;

namespace Enforcer.Deploy.Tests;

/// <summary>The parsed terraform/ folder: every file's hcl2json document, with lookups across files.</summary>
internal sealed class TerraformConfiguration
{
    private readonly Dictionary<string, JsonElement> _files;

    public TerraformConfiguration(JsonElement root)
    {
        _files = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        Resources = [.. Collect("resource")];
        Data = [.. Collect("data")];
        Variables = Merge("variable");
        Outputs = Merge("output");
        Locals = MergeLocals();
    }

    public IReadOnlyCollection<string> Files => _files.Keys;

    public IReadOnlyList<TerraformBlock> Resources { get; }

    public IReadOnlyList<TerraformBlock> Data { get; }

    public IReadOnlyDictionary<string, JsonElement> Variables { get; }

    public IReadOnlyDictionary<string, JsonElement> Outputs { get; }

    public IReadOnlyDictionary<string, JsonElement> Locals { get; }

    public IEnumerable<TerraformBlock> OfType(string type) => Resources.Where(r => r.Type == type);

    public TerraformBlock Resource(string address) =>
        Resources.SingleOrDefault(r => r.Address == address)
        ?? throw new Xunit.Sdk.XunitException($"No resource {address} in terraform/.");

    /// <summary>Every top-level section of every file (for whole-configuration scans).</summary>
    public IEnumerable<(string File, JsonElement Section)> Sections() =>
        _files.SelectMany(f => f.Value.EnumerateObject().Select(p => (f.Key, p.Value)));

    private IEnumerable<TerraformBlock> Collect(string kind)
    {
        foreach (var (file, doc) in _files)
        {
            if (!doc.TryGetProperty(kind, out var byType))
            {
                continue;
            }

            foreach (var type in byType.EnumerateObject())
            {
                foreach (var name in type.Value.EnumerateObject())
                {
                    foreach (var body in name.Value.EnumerateArray())
                    {
                        yield return new TerraformBlock(type.Name, name.Name, file, body);
                    }
                }
            }
        }
    }

    private Dictionary<string, JsonElement> Merge(string kind)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var doc in _files.Values)
        {
            if (doc.TryGetProperty(kind, out var byName))
            {
                foreach (var entry in byName.EnumerateObject())
                {
                    result.Add(entry.Name, entry.Value.ValueKind == JsonValueKind.Array ? entry.Value[0] : entry.Value);
                }
            }
        }

        return result;
    }

    private Dictionary<string, JsonElement> MergeLocals()
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var doc in _files.Values)
        {
            if (doc.TryGetProperty("locals", out var blocks))
            {
                foreach (var block in blocks.EnumerateArray())
                {
                    foreach (var entry in block.EnumerateObject())
                    {
                        result.Add(entry.Name, entry.Value);
                    }
                }
            }
        }

        return result;
    }
}
