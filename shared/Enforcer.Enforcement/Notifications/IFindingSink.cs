namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Where Evaluate sends its decisions after recording them (the findings topic, Slack). A sink must never change a
/// decision: it handles and logs its own failures, retrying within its own bounds, and does not throw for them.
/// </summary>
public interface IFindingSink
{
    /// <summary>Delivers the findings of one event (all its resources and policies), in evaluation order.</summary>
    ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);
}
