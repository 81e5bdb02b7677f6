using System.Globalization;
using System.Text.Json;
using Enforcer.Core.Storage;

namespace Enforcer.Cli.Local;

/// <summary>
/// Quarantine records to start from (<c>samples/state/quarantine.json</c>): what Remediate writes when a resource
/// trips the per-resource remediation cap. Seeding one lets a single local run show how a quarantined resource is
/// treated without replaying the flips that led to it.
/// </summary>
internal static class QuarantineSeed
{
    /// <summary>Reads <c>[{resource_name, asset_type, policy_id, since, reason, remediations_in_window?}]</c>.</summary>
    public static (IReadOnlyList<QuarantineRecord> Records, string? Error) Load(string file)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return ([], $"{file}: not valid JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            return ([], $"{file}: expected an array of quarantine records");
        }

        var records = new List<QuarantineRecord>();
        foreach (var item in root.EnumerateArray())
        {
            string? Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var name = Text("resource_name");
            var type = Text("asset_type");
            var policy = Text("policy_id");
            var sinceText = Text("since");
            if (name is null || type is null || policy is null || sinceText is null
                || !DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            {
                return ([], $"{file}: each record needs resource_name, asset_type, policy_id and an RFC 3339 since");
            }

            var count = item.TryGetProperty("remediations_in_window", out var c) && c.TryGetInt64(out var n) ? n : 0;
            records.Add(new QuarantineRecord(StoreKeys.Quarantine(name), name, type, policy, since, Text("reason") ?? "quarantined", count));
        }

        return (records, null);
    }
}
