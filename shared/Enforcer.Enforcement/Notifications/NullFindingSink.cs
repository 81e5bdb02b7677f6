namespace Enforcer.Enforcement.Notifications;

/// <summary>The sink when no notification is configured: findings are only recorded in Firestore.</summary>
public sealed class NullFindingSink : IFindingSink
{
    public static readonly NullFindingSink Instance = new();

    public ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
