using Microsoft.Extensions.Logging;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Stores the periodic exporter's snapshots as this instance's entry. It runs on the exporter's own thread, so the
/// write is awaited synchronously, within a timeout; a failure is logged and the next export tries again (snapshots
/// are cumulative, nothing is lost but freshness).
/// </summary>
public sealed class MetricsSnapshotPublisher(IMetricsSnapshotStore store, MetricsOptions options, TimeProvider timeProvider, ILogger<MetricsSnapshotPublisher> logger)
{
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);

    public bool Publish(MetricSnapshot snapshot)
    {
        var now = timeProvider.GetUtcNow();
        var entry = new InstanceMetrics(options.Function, MetricsInstance.Id, now, now + options.Retention, snapshot);
        try
        {
            using var timeout = new CancellationTokenSource(WriteTimeout);
            store.WriteAsync(entry, timeout.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning("Storing the metrics snapshot {MetricsKey} failed: {Reason}", entry.Key, e.Message);
            return false;
        }
    }
}
