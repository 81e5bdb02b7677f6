using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcer.Cli.Local;

/// <summary>
/// One resource of the local stand-in project, read from <c>samples/resources/&lt;name&gt;.json</c>:
/// <c>{"asset_type": ..., "name": full resource name, "resource": the API's GET body, "iam": getIamPolicy body?}</c>.
/// </summary>
internal sealed record ResourceSnapshot(string File, string AssetType, string Name, JsonObject Resource, JsonObject? Iam)
{
    /// <summary>Reads every <c>*.json</c> of a folder (sorted); the errors name the file and what is wrong.</summary>
    public static (IReadOnlyList<ResourceSnapshot> Snapshots, IReadOnlyList<string> Errors) LoadDirectory(string directory)
    {
        var snapshots = new List<ResourceSnapshot>();
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var (snapshot, error) = Load(file);
            if (snapshot is not null)
            {
                snapshots.Add(snapshot);
            }
            else
            {
                errors.Add($"{file}: {error}");
            }
        }

        return (snapshots, errors);
    }

    public static (ResourceSnapshot? Snapshot, string? Error) Load(string file)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(System.IO.File.ReadAllText(file));
        }
        catch (JsonException ex)
        {
            return (null, "not valid JSON: " + ex.Message);
        }

        if (root is not JsonObject obj)
        {
            return (null, "not a JSON object");
        }

        string? Text(string key) => obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var type = Text("asset_type");
        var name = Text("name");
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(name))
        {
            return (null, "needs asset_type and name strings");
        }

        if (obj["resource"] is not JsonObject resource)
        {
            return (null, "needs a resource object (the API's GET body)");
        }

        var iam = obj["iam"] as JsonObject;
        if (obj["iam"] is not null and not JsonObject)
        {
            return (null, "iam must be an object (the getIamPolicy body)");
        }

        return (new ResourceSnapshot(file, type, name, (JsonObject)resource.DeepClone(), (JsonObject?)iam?.DeepClone()), null);
    }
}
