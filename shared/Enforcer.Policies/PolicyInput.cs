using System.Buffers;
using System.Text.Json;

namespace Enforcer.Policies;

/// <summary>
/// The policy input document <c>{type, name, resource, iam?, project?, ancestors?}</c>; see policy/README.md.
/// </summary>
/// <param name="Type">Cloud Asset Inventory asset type.</param>
/// <param name="Name">CAI full resource name.</param>
/// <param name="Resource">The resource as its API's GET returns it.</param>
/// <param name="Iam">Its IAM policy, when the type has one.</param>
/// <param name="Project">Project id, when known.</param>
/// <param name="Ancestors">e.g. <c>projects/123</c>, <c>folders/456</c>, <c>organizations/789</c>, when known.</param>
public sealed record PolicyInput(
    string Type,
    string Name,
    JsonElement Resource,
    JsonElement? Iam = null,
    string? Project = null,
    IReadOnlyList<string>? Ancestors = null)
{
    /// <summary>Writes the input document (without the <c>{"input": ...}</c> wrapper).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        writer.WriteString("name", Name);
        writer.WritePropertyName("resource");
        Resource.WriteTo(writer);
        if (Iam is { } iam && iam.ValueKind != JsonValueKind.Undefined)
        {
            writer.WritePropertyName("iam");
            iam.WriteTo(writer);
        }

        if (Project is not null)
        {
            writer.WriteString("project", Project);
        }

        if (Ancestors is not null)
        {
            writer.WriteStartArray("ancestors");
            foreach (var ancestor in Ancestors)
            {
                writer.WriteStringValue(ancestor);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The input document as UTF-8 JSON, optionally wrapped as OPA's <c>{"input": ...}</c> request.</summary>
    public byte[] ToUtf8Json(bool wrapForOpa = false)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (wrapForOpa)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("input");
            }

            WriteTo(writer);
            if (wrapForOpa)
            {
                writer.WriteEndObject();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an input document (e.g. a fixture); null if it lacks type, name or resource.</summary>
    public static PolicyInput? FromJson(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object
            || !document.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !document.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !document.TryGetProperty("resource", out var resource))
        {
            return null;
        }

        JsonElement? iam = document.TryGetProperty("iam", out var i) ? i.Clone() : null;
        var project = document.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        List<string>? ancestors = null;
        if (document.TryGetProperty("ancestors", out var a) && a.ValueKind == JsonValueKind.Array)
        {
            ancestors = [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }

        return new PolicyInput(type.GetString()!, name.GetString()!, resource.Clone(), iam, project, ancestors);
    }
}
