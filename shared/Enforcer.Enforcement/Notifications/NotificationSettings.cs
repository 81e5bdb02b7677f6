using Enforcer.Policies;
using Microsoft.Extensions.Configuration;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// The notification configuration, read from the environment: SLACK_WEBHOOK_URL, ENFORCER_SLACK_SEVERITY (default
/// HIGH), ENFORCER_HISTORY_URL and ENFORCER_FINDINGS_TOPIC. Invalid values stop the host at start-up.
/// </summary>
public sealed record NotificationSettings(Uri? SlackWebhookUrl, PolicySeverity SlackSeverity, Uri? HistoryUrl, string? FindingsTopic)
{
    public const string SlackWebhookVariable = "SLACK_WEBHOOK_URL";
    public const string SlackSeverityVariable = "ENFORCER_SLACK_SEVERITY";
    public const string HistoryUrlVariable = "ENFORCER_HISTORY_URL";
    public const string FindingsTopicVariable = "ENFORCER_FINDINGS_TOPIC";

    public static NotificationSettings Read(IConfiguration configuration)
    {
        var webhook = Blank(configuration[SlackWebhookVariable]) is { } webhookText
            ? AbsoluteHttpUri(webhookText, SlackWebhookVariable, showValue: false)
            : null;

        var severity = PolicySeverity.High;
        if (Blank(configuration[SlackSeverityVariable]) is { } severityText &&
            !PolicyJson.TryParseSeverity(severityText.ToUpperInvariant(), out severity))
        {
            throw new InvalidOperationException($"{SlackSeverityVariable} must be LOW, MEDIUM, HIGH or CRITICAL, not '{severityText}'");
        }

        var history = Blank(configuration[HistoryUrlVariable]) is { } historyText
            ? AbsoluteHttpUri(historyText, HistoryUrlVariable, showValue: true)
            : null;

        var topic = Blank(configuration[FindingsTopicVariable]);
        if (topic is not null && !IsTopic(topic))
        {
            throw new InvalidOperationException($"{FindingsTopicVariable} must be projects/PROJECT/topics/TOPIC or a topic id, not '{topic}'");
        }

        return new NotificationSettings(webhook, severity, history, topic);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // The webhook URL is a credential: a bad value is reported without echoing it.
    private static Uri AbsoluteHttpUri(string text, string variable, bool showValue) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException(showValue
                ? $"{variable} must be an absolute http(s) URL, not '{text}'"
                : $"{variable} must be an absolute http(s) URL");

    private static bool IsTopic(string topic)
    {
        var parts = topic.Split('/');
        return parts switch
        {
            ["projects", { Length: > 0 }, "topics", { Length: > 0 }] => true,
            [{ Length: > 0 } id] => !id.Contains(' ', StringComparison.Ordinal),
            _ => false,
        };
    }
}
