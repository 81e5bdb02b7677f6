using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// The findings topic's message body (schema_version 1, snake_case; docs/operations.md "Notifications" lists the
/// fields). Written by hand so the wire format cannot drift with a record rename.
/// </summary>
public static class FindingJson
{
    public const int SchemaVersion = 1;

    /// <summary>UTF-8 JSON for one finding.</summary>
    public static byte[] ToUtf8(Finding finding)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schema_version", SchemaVersion);
            json.WriteString("finding_id", FindingId(finding));
            json.WriteString("event_id", finding.EventId);
            json.WriteString("evaluated_at", finding.EvaluatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("resource_name", finding.ResourceName);
            json.WriteString("asset_type", finding.AssetType);
            WriteOptional(json, "project_id", finding.ProjectId);
            json.WriteString("policy_id", finding.PolicyId);
            json.WriteString("title", finding.Title);
            json.WriteString("severity", finding.Severity);
            json.WriteBoolean("compliant", finding.Compliant);
            json.WriteBoolean("excluded", finding.Excluded);
            json.WriteBoolean("violation", finding.IsViolation);
            json.WriteString("action", finding.Action);
            json.WriteStartArray("reasons");
            foreach (var reason in finding.Reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteString("message", finding.Message);
            WriteOptional(json, "remediation_request_id", finding.RemediationRequestId);
            WriteOptional(json, "principal", finding.Principal);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Stable across redeliveries of the same event, so subscribers can drop duplicates: a hash of the event id,
    /// resource and policy.
    /// </summary>
    public static string FindingId(Finding finding)
    {
        var key = $"{finding.EventId}\n{finding.ResourceName}\n{finding.PolicyId}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
