namespace Enforcer.Hosting.Telemetry;

/// <summary>One metric: its Prometheus name (counters end in _total), type, help text and samples.</summary>
/// <param name="Name">Prometheus metric name.</param>
/// <param name="Type">"counter", "gauge" or "histogram" (the Prometheus TYPE).</param>
/// <param name="Help">The instrument's description.</param>
/// <param name="Samples">One per label set.</param>
public sealed record MetricFamily(string Name, string Type, string Help, IReadOnlyList<MetricSample> Samples)
{
    public const string Counter = "counter";
    public const string Gauge = "gauge";
    public const string Histogram = "histogram";
}
