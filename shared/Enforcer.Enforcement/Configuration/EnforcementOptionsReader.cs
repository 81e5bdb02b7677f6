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
    /// <summary>Every variable <see cref="Read"/> looks at (a deploy test checks Terraform sets only names from this list).</summary>
    public static readonly IReadOnlyList<string> Variables =
    [
        "ENFORCER_ENFORCE", "ENFORCER_MODE", "ENFORCER_POLICY_MODES", "ENFORCER_PROJECT_MODES", "ENFORCER_DRY_RUN_POLICIES",
        "ENFORCER_SEVERITY_THRESHOLD", "ENFORCER_ENFORCEMENT_DELAY_SECONDS", "ENFORCER_EXCEPTIONS", "ENFORCER_REMEDIATOR_ACCOUNT",
        "ENFORCER_SERVICE_ACCOUNTS", "ENFORCER_REMEDIATIONS_TOPIC", "ENFORCER_MAX_REMEDIATIONS_PER_RESOURCE",
        "ENFORCER_REMEDIATION_WINDOW_MINUTES", "ENFORCER_MAX_REMEDIATIONS_PER_MINUTE", "ENFORCER_MAX_ATTEMPTS", "ENFORCER_LEASE_SECONDS",
    ];

    /// <summary>
    /// Reads the settings. The names are the ones Terraform sets (terraform/locals.tf); the finer-grained ones
    /// (ENFORCER_MODE, ENFORCER_POLICY_MODES, ENFORCER_PROJECT_MODES, ENFORCER_EXCEPTIONS) win where they overlap, so an
    /// operator can, for example, turn one function off with ENFORCER_MODE=off whatever ENFORCER_ENFORCE says.
    /// </summary>
    public static EnforcementOptions Read(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var defaults = new EnforcementOptions();
        var mode = get("ENFORCER_MODE") is { Length: > 0 } m ? ParseMode(m, "ENFORCER_MODE")
            : get("ENFORCER_ENFORCE") is { Length: > 0 } enforce ? ParseBool(enforce, "ENFORCER_ENFORCE") ? EnforcementMode.Enforce : EnforcementMode.DryRun
            : defaults.Mode;
        var policyModes = new Dictionary<string, EnforcementMode>(StringComparer.Ordinal);
        foreach (var id in List(get("ENFORCER_DRY_RUN_POLICIES")))
        {
            policyModes[id] = EnforcementMode.DryRun;
        }

        foreach (var (id, policyMode) in ParseModeMap(get("ENFORCER_POLICY_MODES"), "ENFORCER_POLICY_MODES"))
        {
            policyModes[id] = policyMode;
        }

        var own = new HashSet<string>(List(get("ENFORCER_SERVICE_ACCOUNTS")), StringComparer.OrdinalIgnoreCase);
        if (get("ENFORCER_REMEDIATOR_ACCOUNT") is { Length: > 0 } remediator)
        {
            own.Add(remediator.Trim());
        }

        return new EnforcementOptions
        {
            Mode = mode,
            PolicyModes = policyModes,
            ProjectModes = ParseModeMap(get("ENFORCER_PROJECT_MODES"), "ENFORCER_PROJECT_MODES"),
            SeverityThreshold = get("ENFORCER_SEVERITY_THRESHOLD") is { Length: > 0 } s ? ParseSeverity(s) : defaults.SeverityThreshold,
            Delay = Seconds(get, "ENFORCER_ENFORCEMENT_DELAY_SECONDS", defaults.Delay, allowZero: true),
            Exceptions = ParseExceptions(get("ENFORCER_EXCEPTIONS")),
            OwnServiceAccounts = own,
            RemediationTopic = get("ENFORCER_REMEDIATIONS_TOPIC") is { Length: > 0 } topic ? topic : defaults.RemediationTopic,
            ResourceCap = Count(get, "ENFORCER_MAX_REMEDIATIONS_PER_RESOURCE", defaults.ResourceCap),
            ResourceWindow = get("ENFORCER_REMEDIATION_WINDOW_MINUTES") is { Length: > 0 } ? TimeSpan.FromMinutes(Count(get, "ENFORCER_REMEDIATION_WINDOW_MINUTES", 1)) : defaults.ResourceWindow,
            GlobalCap = Count(get, "ENFORCER_MAX_REMEDIATIONS_PER_MINUTE", defaults.GlobalCap),
            GlobalWindow = TimeSpan.FromMinutes(1),
            MaxAttempts = Count(get, "ENFORCER_MAX_ATTEMPTS", defaults.MaxAttempts),
            Lease = Seconds(get, "ENFORCER_LEASE_SECONDS", defaults.Lease),
        };
    }

    private static IEnumerable<string> List(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool ParseBool(string text, string variable) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new InvalidOperationException($"{variable} must be true or false, not '{text}'"),
    };

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
