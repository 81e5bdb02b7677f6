namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Hands each event's findings to every configured sink, concurrently, so a slow Slack webhook does not hold up the
/// findings topic. Sinks handle their own failures; an unexpected exception from one is contained here so that it
/// reaches neither the other sinks nor the decision.
/// </summary>
public sealed class CompositeFindingSink(IReadOnlyList<IFindingSink> sinks, Action<IFindingSink, Exception>? onUnexpected = null) : IFindingSink
{
    public IReadOnlyList<IFindingSink> Sinks => sinks;

    public async ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0 || sinks.Count == 0)
        {
            return;
        }

        await Task.WhenAll(sinks.Select(sink => PublishOneAsync(sink, findings, cancellationToken))).ConfigureAwait(false);
    }

    private async Task PublishOneAsync(IFindingSink sink, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        try
        {
            await sink.PublishAsync(findings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            onUnexpected?.Invoke(sink, e);
        }
    }
}
