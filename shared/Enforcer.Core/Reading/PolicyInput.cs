using System.Text.Json;
using Enforcer.Core.AuditLogs;

namespace Enforcer.Core.Reading;

/// <summary>Builds the policy input document <c>{type, name, resource, iam?}</c> (rpe-lib 2.x shape) from a read.</summary>
public static class PolicyInput
{
    /// <summary>Writes the input as UTF-8 JSON.</summary>
    public static byte[] Build(ResourceRef resource, ResourceFound found)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", resource.AssetType);
            writer.WriteString("name", resource.FullName);
            writer.WritePropertyName("resource");
            found.Resource.WriteTo(writer);
            if (found.Iam is { } iam)
            {
                writer.WritePropertyName("iam");
                iam.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
