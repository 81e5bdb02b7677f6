using System.Text;
using System.Text.Json;

namespace Enforcer.Policies;

/// <summary>
/// Writes policy/index/data.json (loaded as <c>data.index</c>): asset type → policy ids, and per policy the
/// metadata fields a decision carries. The decisions entrypoint reads this instead of evaluating every policy's
/// metadata on each query. It is derived from the metadata only: <c>enforcer policies index</c> writes it, and a
/// Rego test plus a C# test fail when it is stale.
/// </summary>
public static class PolicyIndexGenerator
{
    /// <summary>The path of the index relative to the policy directory.</summary>
    public const string RelativePath = "index/data.json";

    /// <summary>The file's text (sorted keys, two-space indent, trailing newline).</summary>
    public static string Generate(IReadOnlyList<PolicyMetadata> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var ordered = policies.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("by_type");
            foreach (var type in ordered.SelectMany(p => p.AppliesTo).Distinct().Order(StringComparer.Ordinal))
            {
                writer.WriteStartArray(type);
                foreach (var policy in ordered.Where(p => p.AppliesTo.Contains(type)))
                {
                    writer.WriteStringValue(policy.Id);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("policies");
            foreach (var p in ordered)
            {
                writer.WriteStartObject(p.Id);
                writer.WriteBoolean("destructive", p.Destructive);
                writer.WriteString("error_code", p.ErrorCode);
                writer.WriteBoolean("remediable", p.Remediable);
                writer.WriteString("severity", PolicyJson.SeverityName(p.Severity));
                writer.WriteString("title", p.Title);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
