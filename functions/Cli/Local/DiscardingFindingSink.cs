using Enforcer.Enforcement.Notifications;

namespace Enforcer.Cli.Local;

/// <summary>Local runs print their findings themselves; nothing is sent to Pub/Sub or Slack.</summary>
internal sealed class DiscardingFindingSink : IFindingSink
{
    public ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
