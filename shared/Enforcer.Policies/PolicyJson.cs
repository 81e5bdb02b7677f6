using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Enforcer.Policies;

/// <summary>
/// Reads the entrypoints' JSON (<c>data.enforcer.decisions</c>, <c>data.enforcer.catalog</c>) the same way for both
/// engines, so an OPA answer and an embedded one become identical values. No reflection.
/// </summary>
public static class PolicyJson
{
    /// <summary>Parses a decisions array; false with a reason when it is not one.</summary>
    public static bool TryReadDecisions(JsonElement result, [NotNullWhen(true)] out IReadOnlyList<PolicyDecision>? decisions, [NotNullWhen(false)] out string? error)
    {
        decisions = null;
        if (result.ValueKind != JsonValueKind.Array)
        {
            error = $"decisions must be an array, got {result.ValueKind}";
            return false;
        }

        var list = new List<PolicyDecision>(result.GetArrayLength());
        foreach (var item in result.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !TryString(item, "policy_id", out var id)
                || !TryString(item, "title", out var title)
                || !TryBool(item, "compliant", out var compliant)
                || !TryBool(item, "excluded", out var excluded)
                || !TryString(item, "severity", out var severityText)
                || !TryParseSeverity(severityText, out var severity)
                || !TryString(item, "error_code", out var code)
                || !TryString(item, "message", out var message)
                || !TryBool(item, "remediable", out var remediable))
            {
                error = $"malformed decision: {Truncate(item.GetRawText())}";
                return false;
            }

            JsonElement? plan = item.TryGetProperty("remediation", out var r) && r.ValueKind == JsonValueKind.Object ? r.Clone() : null;
            list.Add(new PolicyDecision(id, title, compliant, excluded, severity, code, message, remediable, plan));
        }

        decisions = list;
        error = null;
        return true;
    }

    /// <summary>Parses a catalog array of metadata documents.</summary>
    public static bool TryReadCatalog(JsonElement result, [NotNullWhen(true)] out IReadOnlyList<PolicyMetadata>? policies, [NotNullWhen(false)] out string? error)
    {
        policies = null;
        if (result.ValueKind != JsonValueKind.Array)
        {
            error = $"catalog must be an array, got {result.ValueKind}";
            return false;
        }

        var list = new List<PolicyMetadata>(result.GetArrayLength());
        foreach (var item in result.EnumerateArray())
        {
            if (!TryReadMetadata(item, out var meta, out error))
            {
                return false;
            }

            list.Add(meta);
        }

        policies = list;
        error = null;
        return true;
    }

    /// <summary>Parses one metadata document; every field is required (see policy/README.md).</summary>
    public static bool TryReadMetadata(JsonElement item, [NotNullWhen(true)] out PolicyMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        metadata = null;
        if (item.ValueKind != JsonValueKind.Object
            || !TryString(item, "id", out var id)
            || !TryString(item, "title", out var title)
            || !TryString(item, "description", out var description)
            || !TryStrings(item, "applies_to", out var appliesTo)
            || !TryString(item, "severity", out var severityText)
            || !TryParseSeverity(severityText, out var severity)
            || !TryString(item, "error_code", out var code)
            || !TryBool(item, "remediable", out var remediable)
            || !TryBool(item, "destructive", out var destructive)
            || !TryString(item, "fix", out var fix)
            || !TryStrings(item, "references", out var references))
        {
            error = $"incomplete policy metadata: {Truncate(item.GetRawText())}";
            return false;
        }

        metadata = new PolicyMetadata(id, title, description, appliesTo, severity, code, remediable, destructive, fix, references);
        error = null;
        return true;
    }

    /// <summary>Severity names as the policies write them (LOW, MEDIUM, HIGH, CRITICAL).</summary>
    public static bool TryParseSeverity(string text, out PolicySeverity severity)
    {
        severity = text switch
        {
            "LOW" => PolicySeverity.Low,
            "MEDIUM" => PolicySeverity.Medium,
            "HIGH" => PolicySeverity.High,
            "CRITICAL" => PolicySeverity.Critical,
            _ => 0,
        };
        return severity != 0;
    }

    /// <summary>The policy-file spelling of a severity.</summary>
    public static string SeverityName(PolicySeverity severity) => severity switch
    {
        PolicySeverity.Low => "LOW",
        PolicySeverity.Medium => "MEDIUM",
        PolicySeverity.High => "HIGH",
        PolicySeverity.Critical => "CRITICAL",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    internal static string CanonicalDecision(PolicyDecision d)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("policy_id", d.PolicyId);
            writer.WriteString("title", d.Title);
            writer.WriteBoolean("compliant", d.Compliant);
            writer.WriteBoolean("excluded", d.Excluded);
            writer.WriteString("severity", SeverityName(d.Severity));
            writer.WriteString("error_code", d.ErrorCode);
            writer.WriteString("message", d.Message);
            writer.WriteBoolean("remediable", d.Remediable);
            if (d.Remediation is { } plan)
            {
                writer.WritePropertyName("remediation");
                WriteSorted(writer, plan);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Object keys sorted, so two engines' plans compare equal regardless of key order.
    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static bool TryString(JsonElement o, string name, out string value)
    {
        if (o.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String)
        {
            value = p.GetString()!;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static bool TryBool(JsonElement o, string name, out bool value)
    {
        value = false;
        if (!o.TryGetProperty(name, out var p) || p.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        value = p.GetBoolean();
        return true;
    }

    private static bool TryStrings(JsonElement o, string name, out IReadOnlyList<string> values)
    {
        values = [];
        if (!o.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>(p.GetArrayLength());
        foreach (var item in p.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        values = list;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
