namespace Enforcer.Enforcement.Notifications;

/// <summary>Where the findings go and how patiently.</summary>
/// <param name="Topic">projects/P/topics/T (ENFORCER_FINDINGS_TOPIC) or a short topic id in the publisher's project.</param>
public sealed record PubSubFindingSinkOptions(string Topic)
{
    /// <summary>Publish attempts per event, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the first retry; doubled after each further failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time allowed for one publish call.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
