using System.Globalization;
using System.Text.Json;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Configuration;

/// <summary>
/// Reads <see cref="EnforcementOptions"/> from environment-style settings (ENFORCER_*). Invalid values fail at
/// start-up with the variable's name, never per request. JSON values are parsed with JsonDocument (AOT-safe).
/// </summary>
public static class EnforcementOptionsReader
{
    public static EnforcementOptions Read(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var defaults = new EnforcementOptions();
        return new EnforcementOptions
        {
            Mode = get("ENFORCER_MODE") is { } mode ? ParseMode(mode, "ENFORCER_MODE") : defaults.Mode,
            PolicyModes = ParseModeMap(get("ENFORCER_POLICY_MODES"), "ENFORCER_POLICY_MODES"),
            ProjectModes = ParseModeMap(get("ENFORCER_PROJECT_MODES"), "ENFORCER_PROJECT_MODES"),
            SeverityThreshold = get("ENFORCER_SEVERITY_THRESHOLD") is { } s ? ParseSeverity(s) : defaults.SeverityThreshold,
            Delay = Seconds(get, "ENFORCER_DELAY_SECONDS", defaults.Delay, allowZero: true),
            Exceptions = ParseExceptions(get("ENFORCER_EXCEPTIONS")),
            OwnServiceAccounts = new HashSet<string>(
                (get("ENFORCER_SERVICE_ACCOUNTS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                StringComparer.OrdinalIgnoreCase),
            RemediationTopic = get("ENFORCER_REMEDIATION_TOPIC") is { Length: > 0 } topic ? topic : defaults.RemediationTopic,
            ResourceCap = Count(get, "ENFORCER_RESOURCE_CAP", defaults.ResourceCap),
            ResourceWindow = Seconds(get, "ENFORCER_RESOURCE_WINDOW_SECONDS", defaults.ResourceWindow),
            GlobalCap = Count(get, "ENFORCER_GLOBAL_CAP", defaults.GlobalCap),
            GlobalWindow = Seconds(get, "ENFORCER_GLOBAL_WINDOW_SECONDS", defaults.GlobalWindow),
            MaxAttempts = Count(get, "ENFORCER_MAX_ATTEMPTS", defaults.MaxAttempts),
            Lease = Seconds(get, "ENFORCER_LEASE_SECONDS", defaults.Lease),
        };
    }

    public static EnforcementMode ParseMode(string text, string variable) => text.Trim().ToLowerInvariant() switch
    {
        "off" => EnforcementMode.Off,
        "dry-run" or "dryrun" => EnforcementMode.DryRun,
        "enforce" => EnforcementMode.Enforce,
        _ => throw new InvalidOperationException($"{variable} must be off, dry-run or enforce, not '{text}'"),
    };

    private static PolicySeverity ParseSeverity(string text) => text.Trim().ToUpperInvariant() switch
    {
        "LOW" => PolicySeverity.Low,
        "MEDIUM" => PolicySeverity.Medium,
        "HIGH" => PolicySeverity.High,
        "CRITICAL" => PolicySeverity.Critical,
        _ => throw new InvalidOperationException($"ENFORCER_SEVERITY_THRESHOLD must be LOW, MEDIUM, HIGH or CRITICAL, not '{text}'"),
    };

    private static Dictionary<string, EnforcementMode> ParseModeMap(string? json, string variable)
    {
        var map = new Dictionary<string, EnforcementMode>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return map;
        }

        using var document = Parse(json, variable);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{variable} must be a JSON object of id → mode");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? ParseMode(property.Value.GetString()!, variable)
                : throw new InvalidOperationException($"{variable}: the mode of '{property.Name}' must be a string");
        }

        return map;
    }

    private static List<EnforcementException> ParseExceptions(string? json)
    {
        const string Variable = "ENFORCER_EXCEPTIONS";
        var list = new List<EnforcementException>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return list;
        }

        using var document = Parse(json, Variable);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"{Variable} must be a JSON array");
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            string Field(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new InvalidOperationException($"{Variable}: every exception needs a '{name}' string");
            if (!DateTimeOffset.TryParse(Field("expires"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            {
                throw new InvalidOperationException($"{Variable}: '{Field("expires")}' is not a date (use RFC 3339, e.g. 2026-12-31T00:00:00Z)");
            }

            list.Add(new EnforcementException(Field("policy"), Field("resource"), expires, Field("reason")));
        }

        return list;
    }

    private static JsonDocument Parse(string json, string variable)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{variable} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static int Count(Func<string, string?> get, string variable, int fallback) =>
        get(variable) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidOperationException($"{variable} must be a positive whole number, not '{text}'");

    private static TimeSpan Seconds(Func<string, string?> get, string variable, TimeSpan fallback, bool allowZero = false) =>
        get(variable) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0)) ? TimeSpan.FromSeconds(value)
        : throw new InvalidOperationException($"{variable} must be a whole number of seconds, not '{text}'");
}
