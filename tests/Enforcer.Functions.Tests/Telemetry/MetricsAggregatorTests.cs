using Enforcer.Hosting.Telemetry;
using static Enforcer.Functions.Tests.Telemetry.PrometheusTextWriterTests;

namespace Enforcer.Functions.Tests.Telemetry;

public sealed class MetricsAggregatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static MetricSnapshot Events(string function, double value, long[]? buckets = null)
    {
        var families = new List<MetricFamily> { new("enforcer_events_received_total", MetricFamily.Counter, "d", [Counter(value, ("function", function))]) };
        if (buckets is not null)
        {
            families.Add(new MetricFamily("enforcer_processing_duration_seconds", MetricFamily.Histogram, "t", [Histogram(buckets.Sum() * 0.5, buckets, ("function", function))]));
        }

        return new MetricSnapshot(families);
    }

    private static InstanceMetrics Entry(string function, string instance, MetricSnapshot snapshot, int minutesAgo = 0) =>
        new(function, instance, Now.AddMinutes(-minutesAgo), Now.AddHours(1), snapshot);

    [Fact]
    public void Aggregate_InstancesOfEveryFunction_AreSummedPerSeries()
    {
        var stored = new[]
        {
            Entry("evaluate", "e1", Events("evaluate", 5, [1, 2, 2])),
            Entry("evaluate", "e2", Events("evaluate", 7, [3, 0, 4])),
            Entry("remediate", "r1", Events("remediate", 2)),
        };

        var parsed = PrometheusExposition.Parse(PrometheusTextWriter.Write(MetricsAggregator.Aggregate(stored, "h1", "history", MetricSnapshot.Empty)));

        Assert.Equal(12, parsed.Sum("enforcer_events_received_total", ("function", "evaluate")));
        Assert.Equal(2, parsed.Sum("enforcer_events_received_total", ("function", "remediate")));
        Assert.Equal(4, parsed.Sum("enforcer_processing_duration_seconds_bucket", ("le", "0.1")));
        Assert.Equal(12, parsed.Sum("enforcer_processing_duration_seconds_count"));
        Assert.Equal(2, parsed.Sum(MetricsAggregator.InstancesMetric, ("function", "evaluate")));
        Assert.Equal(1, parsed.Sum(MetricsAggregator.InstancesMetric, ("function", "remediate")));
        Assert.Equal(1, parsed.Sum(MetricsAggregator.InstancesMetric, ("function", "history")));
    }

    [Fact]
    public void Aggregate_OwnStoredEntryAndLiveSnapshot_CountOnceTakingTheLarger()
    {
        var stored = new[] { Entry("history", "h1", Events("history", 1)), Entry("evaluate", "e1", Events("evaluate", 4)) };

        var merged = MetricsAggregator.Aggregate(stored, "h1", "history", Events("history", 3));

        var parsed = PrometheusExposition.Parse(PrometheusTextWriter.Write(merged));
        Assert.Equal(3, parsed.Sum("enforcer_events_received_total", ("function", "history")));
        Assert.Equal(4, parsed.Sum("enforcer_events_received_total", ("function", "evaluate")));
        Assert.Equal(1, parsed.Sum(MetricsAggregator.InstancesMetric, ("function", "history")));
    }

    [Fact]
    public void Aggregate_OneProcessHostingSeveralFunctions_CountsItsInstrumentsOnce()
    {
        // The CLI's serve runs three hosts in one process: one instance id; each host's reader started at its own time.
        var stored = new[]
        {
            Entry("evaluate", "p1", Events("evaluate", 6, [1, 1, 1]), minutesAgo: 2),
            Entry("remediate", "p1", Events("evaluate", 5, [1, 1, 0]), minutesAgo: 1),
            Entry("history", "p1", Events("evaluate", 4)),
        };

        var parsed = PrometheusExposition.Parse(PrometheusTextWriter.Write(MetricsAggregator.Aggregate(stored, "other", "history", MetricSnapshot.Empty)));

        Assert.Equal(6, parsed.Sum("enforcer_events_received_total", ("function", "evaluate")));
        Assert.Equal(3, parsed.Sum("enforcer_processing_duration_seconds_count"));
        Assert.Equal(1, parsed.Sum(MetricsAggregator.InstancesMetric, ("function", "remediate")));
    }

    [Fact]
    public void Merge_HistogramsWithDifferentBounds_KeepsTheFirstRatherThanAddingWrongly()
    {
        var first = Events("evaluate", 1, [1, 1, 1]);
        var other = new MetricSnapshot([new MetricFamily("enforcer_processing_duration_seconds", MetricFamily.Histogram, "t", [Histogram(9, [5, 5, 5], ("function", "evaluate")) with { Bounds = [0.5, 2] }])]);

        var merged = MetricSnapshotMerger.Merge([first, other]);

        var sample = Assert.Single(merged.Families.Single(f => f.Type == MetricFamily.Histogram).Samples);
        Assert.Equal([1L, 1, 1], sample.BucketCounts);
        Assert.Equal(3, sample.Count);
    }
}
