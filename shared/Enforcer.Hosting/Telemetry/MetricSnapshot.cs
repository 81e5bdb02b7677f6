namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Cumulative values of every series a process has recorded, already named the Prometheus way. This is what an
/// instance stores for History to sum, and what /metrics renders.
/// </summary>
public sealed record MetricSnapshot(IReadOnlyList<MetricFamily> Families)
{
    public static readonly MetricSnapshot Empty = new([]);
}
