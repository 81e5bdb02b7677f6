using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcer.Policies.Embedded;

/// <summary>
/// Rego modules plus data, loaded the way <c>opa run policy/</c> loads a directory: every <c>.rego</c> file is a
/// module, and every <c>.json</c> file is merged into data under the path of its directory relative to the root
/// (so <c>config/data.json</c> becomes <c>data.config</c>; the file name itself does not matter). Other files are
/// ignored. YAML data is not supported here; keep data in JSON.
/// </summary>
public sealed class PolicyBundle
{
    private const string ResourcePrefix = "policy/";

    private PolicyBundle(IReadOnlyList<(string Path, string Source)> modules, string dataJson)
    {
        Modules = modules;
        DataJson = dataJson;
    }

    /// <summary>(relative path, source) of every module, sorted by path.</summary>
    public IReadOnlyList<(string Path, string Source)> Modules { get; }

    /// <summary>The merged base data document as JSON.</summary>
    public string DataJson { get; }

    /// <summary>Loads a policy directory; test files (<c>*_test.rego</c>) only when asked.</summary>
    public static PolicyBundle FromDirectory(string root, bool includeTests = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        var full = Path.GetFullPath(root);
        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(full, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        return Build(files.Select(f => (f.Relative, (Func<string>)(() => File.ReadAllText(f.Full)))), includeTests);
    }

    /// <summary>Loads the bundle compiled into this assembly (policy/ without tests).</summary>
    public static PolicyBundle FromEmbeddedResources()
    {
        var assembly = typeof(PolicyBundle).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);
        return Build(names.Select(n => (n[ResourcePrefix.Length..], (Func<string>)(() => ReadResource(n)))), includeTests: false);
    }

    private static PolicyBundle Build(IEnumerable<(string Relative, Func<string> Read)> files, bool includeTests)
    {
        var modules = new List<(string, string)>();
        var data = new JsonObject();
        foreach (var (relative, read) in files)
        {
            if (relative.EndsWith(".rego", StringComparison.Ordinal))
            {
                if (includeTests || !relative.EndsWith("_test.rego", StringComparison.Ordinal))
                {
                    modules.Add((relative, read()));
                }
            }
            else if (relative.EndsWith(".json", StringComparison.Ordinal))
            {
                var node = JsonNode.Parse(read(), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                    ?? throw new InvalidDataException($"{relative}: empty JSON document");
                var directory = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.LastIndexOf('/')] : string.Empty;
                Merge(data, directory.Length == 0 ? [] : directory.Split('/'), node, relative);
            }
        }

        return new PolicyBundle(modules, data.ToJsonString());
    }

    private static void Merge(JsonObject root, string[] prefix, JsonNode value, string source)
    {
        var target = root;
        foreach (var segment in prefix)
        {
            if (target[segment] is JsonObject child)
            {
                target = child;
            }
            else if (target[segment] is null)
            {
                var created = new JsonObject();
                target[segment] = created;
                target = created;
            }
            else
            {
                throw new InvalidDataException($"{source}: data path {string.Join('.', prefix)} conflicts with other data");
            }
        }

        if (value is not JsonObject obj)
        {
            throw new InvalidDataException($"{source}: a data file must hold a JSON object");
        }

        MergeObject(target, obj, source);
    }

    private static void MergeObject(JsonObject target, JsonObject source, string file)
    {
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            if (target[key] is JsonObject existing && value is JsonObject incoming)
            {
                MergeObject(existing, incoming, file);
            }
            else if (target.ContainsKey(key))
            {
                throw new InvalidDataException($"{file}: data key '{key}' is defined twice");
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(PolicyBundle).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded policy resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
