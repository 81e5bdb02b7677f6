using OpenTelemetry.Metrics;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// A pull reader on this process's instruments: /metrics collects on demand, so a scrape sees current values rather
/// than the last periodic export. The meter provider owns the reader (and disposes it).
/// </summary>
public sealed class ProcessMetrics
{
    private readonly Lock _gate = new();
    private MetricSnapshot _last = MetricSnapshot.Empty;

    public ProcessMetrics() => Reader = new BaseExportingMetricReader(new SnapshotExporter(snapshot =>
    {
        _last = snapshot;
        return true;
    }))
    {
        TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
    };

    /// <summary>The reader to add to the meter provider.</summary>
    public MetricReader Reader { get; }

    /// <summary>Collects now; before the meter provider starts, the result is empty.</summary>
    public MetricSnapshot Collect()
    {
        lock (_gate)
        {
            return Reader.Collect(5000) ? _last : MetricSnapshot.Empty;
        }
    }
}
