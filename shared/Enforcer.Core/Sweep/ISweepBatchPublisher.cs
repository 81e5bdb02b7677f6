using Enforcer.Core.Requests;

namespace Enforcer.Core.Sweep;

/// <summary>Publishes the next batch of a sweep to the topic the sweep came from, so it continues in a new invocation.</summary>
public interface ISweepBatchPublisher
{
    /// <summary>Publishes <c>{"sweep": next}</c>; throws only for failures worth retrying.</summary>
    ValueTask PublishNextAsync(SweepRequest next, CancellationToken cancellationToken);
}
