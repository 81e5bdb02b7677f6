using System.Text.Json;
using System.Text.RegularExpressions;

namespace Enforcer.Deploy.Tests;

/// <summary>
/// Reading hcl2json output: nested blocks are arrays of objects, expressions are "${...}" strings,
/// dynamic blocks sit under a "dynamic" key.
/// </summary>
internal static partial class Hcl
{
    /// <summary>The first instance of a nested block, or null.</summary>
    public static JsonElement? Block(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.Array ? (value.GetArrayLength() > 0 ? value[0] : null) : value
            : null;

    /// <summary>Every instance of a nested block, static or (as its content) dynamic.</summary>
    public static IEnumerable<JsonElement> Blocks(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                yield return item;
            }
        }

        if (Block(body, "dynamic") is { } dynamic && dynamic.TryGetProperty(name, out var dynamicBlocks))
        {
            foreach (var item in dynamicBlocks.EnumerateArray())
            {
                if (Block(item, "content") is { } content)
                {
                    yield return content;
                }
            }
        }
    }

    /// <summary>A block reached through a path of nested block names, or null.</summary>
    public static JsonElement? Path(JsonElement body, params string[] names)
    {
        JsonElement? current = body;
        foreach (var name in names)
        {
            current = current is { } c ? Block(c, name) : null;
        }

        return current;
    }

    /// <summary>An attribute as text (numbers and booleans in their JSON form), or null.</summary>
    public static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object or JsonValueKind.Array => null,
                _ => value.GetRawText(),
            }
            : null;

    /// <summary>Every string anywhere inside an element (attribute values and expressions).</summary>
    public static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var s in Strings(property.Value))
                    {
                        yield return s;
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>True if the text is an expression that refers to <paramref name="address"/> (e.g. <c>google_x.y</c>).</summary>
    public static bool RefersTo(string? text, string address) =>
        text is not null && Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(address)}(?![\w])");

    /// <summary>The resource addresses (type.name) an expression refers to.</summary>
    public static IEnumerable<string> ResourceReferences(string text)
    {
        foreach (Match m in ResourceReference().Matches(text))
        {
            yield return m.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"(?<![\w.])((?:data\.)?google_[a-z0-9_]+\.[a-z0-9_]+)")]
    private static partial Regex ResourceReference();
}
