
namespace Enforcer.Hosting.Telemetry;

/// <summary>What History's /metrics shows: the sum over every live instance of every function.</summary>
public static class MetricsAggregator
{
    public const string InstancesMetric = "enforcer_metrics_instances";

    /// <summary>
    /// Sums the stored entries and this process's live snapshot. Entries with one instance id come from one process
    /// (hosts sharing a process share instruments, but each provider counts only from its own start), so they are
    /// combined series by series with the larger value rather than added. Adds <see cref="InstancesMetric"/>: how
    /// many instances of each function contributed.
    /// </summary>
    public static MetricSnapshot Aggregate(IEnumerable<InstanceMetrics> stored, string ownInstanceId, string ownFunction, MetricSnapshot live)
    {
        var own = new InstanceMetrics(ownFunction, ownInstanceId, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue, live);
        var instances = stored.Append(own)
            .GroupBy(e => e.InstanceId, StringComparer.Ordinal)
            .Select(g => (Functions: g.Select(e => e.Function).Distinct(StringComparer.Ordinal).ToList(), Snapshot: MetricSnapshotMerger.Largest(g.Select(e => e.Snapshot))))
            .ToList();

        var merged = MetricSnapshotMerger.Merge(instances.Select(i => i.Snapshot));
        var perFunction = instances.SelectMany(i => i.Functions)
            .GroupBy(f => f, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MetricSample([new("function", g.Key)], g.Count()))
            .ToList();
        var gauge = new MetricFamily(InstancesMetric, MetricFamily.Gauge, "Function instances whose metrics this sum includes", perFunction);
        return new MetricSnapshot([.. merged.Families, gauge]);
    }
}
