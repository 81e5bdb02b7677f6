using System.Text.RegularExpressions;

namespace Enforcer.Core.History;

/// <summary>
/// Decides which configuration values the History /config endpoint may show. Values whose names suggest a secret
/// (TOKEN, SECRET, KEY, PASSWORD, CREDENTIAL, WEBHOOK, PRIVATE) are replaced by <see cref="Redacted"/>; in the others,
/// credentials inside URLs (user:password@, or query parameters with such names) are replaced too.
/// </summary>
public static partial class ConfigurationRedactor
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretWords = ["TOKEN", "SECRET", "KEY", "PASSWORD", "PASSWD", "CREDENTIAL", "WEBHOOK", "PRIVATE", "AUTH_HEADER"];

    /// <summary>The variables /config shows: every ENFORCER_* plus these, when set.</summary>
    public static readonly IReadOnlyList<string> ShownVariables =
    [
        "GOOGLE_CLOUD_PROJECT", "FIRESTORE_DATABASE", "FIRESTORE_EMULATOR_HOST", "PUBSUB_EMULATOR_HOST", "OPA_URL",
        "SLACK_WEBHOOK_URL", "K_SERVICE", "K_REVISION", "K_CONFIGURATION", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
    ];

    /// <summary>True for names /config shows (still subject to <see cref="Redact"/>).</summary>
    public static bool IsShown(string name) =>
        name.StartsWith("ENFORCER_", StringComparison.Ordinal) || ShownVariables.Contains(name, StringComparer.Ordinal);

    /// <summary>True when a variable's name says it holds a secret.</summary>
    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretWords.Any(w => upper.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The value as /config may show it.</summary>
    public static string Redact(string name, string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (IsSecretName(name))
        {
            return Redacted;
        }

        // URLs anywhere in the value (lists are comma-separated): hide user info and secret-looking query values.
        var withoutUserInfo = UserInfoPattern().Replace(value, m => m.Groups["scheme"].Value + Redacted + "@");
        return QuerySecretPattern().Replace(withoutUserInfo, m => IsSecretName(m.Groups["name"].Value) || m.Groups["name"].Value.Equals("sig", StringComparison.OrdinalIgnoreCase)
            ? m.Groups["lead"].Value + m.Groups["name"].Value + "=" + Redacted
            : m.Value);
    }

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)[^/@\s,]+@")]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"(?<lead>[?&])(?<name>[^=&#\s,]+)=[^&#\s,]*")]
    private static partial Regex QuerySecretPattern();
}
