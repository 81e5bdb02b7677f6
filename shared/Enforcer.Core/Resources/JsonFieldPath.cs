using System.Text.Json;

namespace Enforcer.Core.Resources;

/// <summary>Reads dotted paths (<c>settings.userLabels</c>, <c>a.list.0</c>) from JSON without throwing.</summary>
public static class JsonFieldPath
{
    /// <summary>Walks the path; numeric segments index arrays. Returns false when any step is missing.</summary>
    public static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        if (path.Length == 0)
        {
            return true;
        }

        foreach (var range in path.AsSpan().Split('.'))
        {
            var part = path.AsSpan()[range];
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (!value.TryGetProperty(part, out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(part, out var index) && index >= 0 && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The string at the path, or null when missing, not a string, or empty.</summary>
    public static string? GetString(JsonElement root, string path) =>
        TryGet(root, path, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}
