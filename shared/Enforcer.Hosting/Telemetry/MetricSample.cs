namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// One series: its labels (sorted by name) and cumulative value. Histograms carry their upper bounds, the count of
/// each bucket (not cumulative; one more than the bounds, the last is +Inf), and Value holds their sum.
/// </summary>
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    public IReadOnlyList<double>? Bounds { get; init; }

    public IReadOnlyList<long>? BucketCounts { get; init; }

    /// <summary>Observations in a histogram (the sum of <see cref="BucketCounts"/>).</summary>
    public long Count { get; init; }

    /// <summary>A stable key for the label set, for merging series from several instances.</summary>
    public string LabelKey => string.Join('\u001f', Labels.Select(l => l.Key + "\u001e" + l.Value));
}
