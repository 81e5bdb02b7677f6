using System.Text.Json.Nodes;

namespace Enforcer.FakeGoogle;

// Patch semantics: objects merge recursively, everything else (arrays, scalars, label maps) replaces.
internal static class JsonMerge
{
    private static readonly HashSet<string> ReplacedWhole = new(StringComparer.Ordinal) { "labels", "userLabels", "resourceLabels" };

    public static void Into(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToArray())
        {
            if (value is JsonObject patchChild && !ReplacedWhole.Contains(key) && target[key] is JsonObject targetChild)
            {
                Into(targetChild, patchChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    public static JsonObject At(JsonObject root, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return root;
        }

        var node = root;
        foreach (var part in path.Split('.'))
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        return node;
    }
}
