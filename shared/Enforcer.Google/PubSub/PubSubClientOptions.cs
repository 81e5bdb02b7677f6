namespace Enforcer.Google.PubSub;

/// <summary>Where <see cref="PubSubPublisher"/> and <see cref="PubSubAdminClient"/> send requests.</summary>
public sealed record PubSubClientOptions
{
    public const string EmulatorHostVariable = "PUBSUB_EMULATOR_HOST";

    public static readonly Uri ProductionEndpoint = new("https://pubsub.googleapis.com/");

    /// <summary>The project short topic and subscription ids resolve against.</summary>
    public required string ProjectId { get; init; }

    /// <summary>API root; the emulator's is http://HOST:PORT/.</summary>
    public Uri Endpoint { get; init; } = ProductionEndpoint;

    public bool IsEmulator { get; init; }

    /// <summary>PUBSUB_EMULATOR_HOST selects the emulator; the project as in <see cref="GoogleEnvironment.ResolveProjectId"/>.</summary>
    public static PubSubClientOptions FromEnvironment(string? projectId = null, Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var project = GoogleEnvironment.ResolveProjectId(projectId, getVariable);
        var emulator = getVariable(EmulatorHostVariable);
        return string.IsNullOrWhiteSpace(emulator)
            ? new PubSubClientOptions { ProjectId = project }
            : new PubSubClientOptions { ProjectId = project, Endpoint = GoogleEnvironment.EmulatorUri(emulator), IsEmulator = true };
    }

    /// <summary>projects/P/topics/T for a short id; full names pass through.</summary>
    public string TopicName(string topic) => topic.StartsWith("projects/", StringComparison.Ordinal) ? topic : $"projects/{ProjectId}/topics/{topic}";

    /// <summary>projects/P/subscriptions/S for a short id; full names pass through.</summary>
    public string SubscriptionName(string subscription) =>
        subscription.StartsWith("projects/", StringComparison.Ordinal) ? subscription : $"projects/{ProjectId}/subscriptions/{subscription}";
}
