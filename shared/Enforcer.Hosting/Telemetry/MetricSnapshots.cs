using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Enforcer.Hosting.Telemetry;

/// <summary>Reading OpenTelemetry's exported batches into <see cref="MetricSnapshot"/>s.</summary>
public static class MetricSnapshots
{
    /// <summary>
    /// Copies a batch (cumulative temporality) into a snapshot. Exponential histograms are skipped: the enforcer's
    /// instruments use explicit buckets.
    /// </summary>
    public static MetricSnapshot FromBatch(in Batch<Metric> batch)
    {
        var families = new List<MetricFamily>();
        foreach (var metric in batch)
        {
            var (type, monotonic) = metric.MetricType switch
            {
                MetricType.LongSum or MetricType.DoubleSum => (MetricFamily.Counter, true),
                MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic or MetricType.LongGauge or MetricType.DoubleGauge => (MetricFamily.Gauge, false),
                MetricType.Histogram => (MetricFamily.Histogram, false),
                _ => (string.Empty, false),
            };
            if (type.Length == 0)
            {
                continue;
            }

            var samples = new List<MetricSample>();
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                samples.Add(Sample(metric.MetricType, point));
            }

            if (samples.Count > 0)
            {
                var name = PrometheusNames.Metric(metric.Name, metric.Unit, monotonic);
                families.Add(new MetricFamily(name, type, metric.Description ?? string.Empty, samples));
            }
        }

        return new MetricSnapshot(families);
    }

    private static MetricSample Sample(MetricType type, in MetricPoint point)
    {
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var tag in point.Tags)
        {
            labels.Add(new(PrometheusNames.Label(tag.Key), Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        switch (type)
        {
            case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                return new MetricSample(labels, point.GetSumLong());
            case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                return new MetricSample(labels, point.GetSumDouble());
            case MetricType.LongGauge:
                return new MetricSample(labels, point.GetGaugeLastValueLong());
            case MetricType.DoubleGauge:
                return new MetricSample(labels, point.GetGaugeLastValueDouble());
            default:
                var bounds = new List<double>();
                var counts = new List<long>();
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    if (!double.IsPositiveInfinity(bucket.ExplicitBound))
                    {
                        bounds.Add(bucket.ExplicitBound);
                    }

                    counts.Add(bucket.BucketCount);
                }

                return new MetricSample(labels, point.GetHistogramSum()) { Bounds = bounds, BucketCounts = counts, Count = point.GetHistogramCount() };
        }
    }
}
