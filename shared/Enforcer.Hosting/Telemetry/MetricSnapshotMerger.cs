namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Sums snapshots series by series (same name and labels): counters and histogram buckets add up across instances.
/// A histogram whose bounds differ from the first one seen (a rollout that changed buckets) is left out of the sum
/// rather than added bucket-by-bucket wrongly.
/// </summary>
public static class MetricSnapshotMerger
{
    public static MetricSnapshot Merge(IEnumerable<MetricSnapshot> snapshots) => Combine(snapshots, Add);

    /// <summary>
    /// Combines snapshots of the same instruments taken by readers that started at different times: per series the
    /// one with more observations (the larger value; for histograms the larger count) wins.
    /// </summary>
    public static MetricSnapshot Largest(IEnumerable<MetricSnapshot> snapshots) =>
        Combine(snapshots, (a, b) => (b.BucketCounts is null ? b.Value > a.Value : b.Count > a.Count) ? b : a);

    private static MetricSnapshot Combine(IEnumerable<MetricSnapshot> snapshots, Func<MetricSample, MetricSample, MetricSample> combine)
    {
        var families = new SortedDictionary<string, (MetricFamily First, SortedDictionary<string, MetricSample> Samples)>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            foreach (var family in snapshot.Families)
            {
                if (!families.TryGetValue(family.Name, out var entry))
                {
                    entry = (family, new SortedDictionary<string, MetricSample>(StringComparer.Ordinal));
                    families[family.Name] = entry;
                }
                else if (entry.First.Type != family.Type)
                {
                    continue;
                }

                foreach (var sample in family.Samples)
                {
                    var key = sample.LabelKey;
                    entry.Samples[key] = entry.Samples.TryGetValue(key, out var existing) ? combine(existing, sample) : sample;
                }
            }
        }

        return new MetricSnapshot(families.Values.Select(f => f.First with { Samples = [.. f.Samples.Values] }).ToList());
    }

    private static MetricSample Add(MetricSample total, MetricSample more)
    {
        if (total.BucketCounts is null || more.BucketCounts is null)
        {
            return total with { Value = total.Value + more.Value };
        }

        if (!total.Bounds!.SequenceEqual(more.Bounds!) || total.BucketCounts.Count != more.BucketCounts.Count)
        {
            return total;
        }

        return total with
        {
            Value = total.Value + more.Value,
            Count = total.Count + more.Count,
            BucketCounts = total.BucketCounts.Zip(more.BucketCounts, (a, b) => a + b).ToArray(),
        };
    }
}
