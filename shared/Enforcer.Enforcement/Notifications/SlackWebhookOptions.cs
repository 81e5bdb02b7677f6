namespace Enforcer.Enforcement.Notifications;

/// <summary>Where and how patiently the Slack notifier posts.</summary>
/// <param name="WebhookUrl">The incoming webhook (SLACK_WEBHOOK_URL); a secret, never logged.</param>
public sealed record SlackWebhookOptions(Uri WebhookUrl)
{
    /// <summary>Attempts per message, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Wait before the first retry; doubled after each further failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The longest Retry-After we wait for; when Slack asks for more, the message is given up.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
