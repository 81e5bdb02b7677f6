using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Enforcer.Enforcement.Configuration;

namespace Enforcer.Enforcement.Remediation;

/// <summary>
/// What Evaluate publishes and Remediate executes (docs/inputs.md). <see cref="RequestId"/> is derived from the
/// resource, the policy and the observed state, so every delivery and every event that saw the same state names
/// the same remediation, and a later violating change names a new one.
/// </summary>
public sealed record RemediationRequest(
    string RequestId,
    string PolicyId,
    string ResourceName,
    string AssetType,
    string? ProjectId,
    string State,
    EnforcementMode Mode,
    DateTimeOffset? NotBefore,
    string? EventId,
    string? Severity)
{
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("request_id", RequestId);
            w.WriteString("policy_id", PolicyId);
            w.WriteStartObject("resource");
            w.WriteString("name", ResourceName);
            w.WriteString("asset_type", AssetType);
            if (ProjectId is not null)
            {
                w.WriteString("project_id", ProjectId);
            }

            w.WriteEndObject();
            w.WriteString("state", State);
            w.WriteString("mode", Mode == EnforcementMode.Enforce ? "enforce" : Mode == EnforcementMode.DryRun ? "dry-run" : "off");
            if (NotBefore is { } notBefore)
            {
                w.WriteString("not_before", notBefore.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            if (EventId is not null)
            {
                w.WriteString("event_id", EventId);
            }

            if (Severity is not null)
            {
                w.WriteString("severity", Severity);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a request; the error says what is missing. Optional fields default safely (mode dry-run).</summary>
    public static (RemediationRequest? Request, string? Error) Parse(JsonElement payload)
    {
        string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var resource = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("resource", out var r) ? r : default;
        var requestId = Text(payload, "request_id");
        var policyId = Text(payload, "policy_id");
        var name = Text(resource, "name");
        var type = Text(resource, "asset_type");
        if (string.IsNullOrEmpty(requestId) || string.IsNullOrEmpty(policyId) || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(type))
        {
            return (null, "remediation request needs request_id, policy_id and resource.name/asset_type");
        }

        EnforcementMode mode;
        try
        {
            mode = Text(payload, "mode") is { } m ? EnforcementOptionsReader.ParseMode(m, "mode") : EnforcementMode.DryRun;
        }
        catch (InvalidOperationException ex)
        {
            return (null, ex.Message);
        }

        DateTimeOffset? notBefore = null;
        if (Text(payload, "not_before") is { } nb)
        {
            if (!DateTimeOffset.TryParse(nb, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, $"not_before '{nb}' is not an RFC 3339 time");
            }

            notBefore = parsed;
        }

        return (new RemediationRequest(requestId, policyId, name, type, Text(resource, "project_id"), Text(payload, "state") ?? string.Empty, mode, notBefore, Text(payload, "event_id"), Text(payload, "severity")), null);
    }
}
