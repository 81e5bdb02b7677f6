using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Enforcer.Hosting.Telemetry;

/// <summary>An OpenTelemetry metric exporter that hands each cumulative batch, as a <see cref="MetricSnapshot"/>, to a callback.</summary>
public sealed class SnapshotExporter(Func<MetricSnapshot, bool> export) : BaseExporter<Metric>
{
    public override ExportResult Export(in Batch<Metric> batch) =>
        export(MetricSnapshots.FromBatch(batch)) ? ExportResult.Success : ExportResult.Failure;
}
