using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Enforcer.Hosting.Telemetry;

namespace Enforcer.Benchmarks;

/// <summary>
/// The cost of one scrape of History's /metrics: decoding the stored JSON snapshot of every instance, summing them and
/// rendering Prometheus text. Each snapshot has the shape of a busy Evaluate instance: 40 policies × 4 severities ×
/// 3 outcomes of decisions, 45 asset types × 5 outcomes, 12 event series and two 13-bucket histograms (about 700
/// series); instance values differ so nothing collapses.
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private string[] _storedJson = [];
    private MetricSnapshot[] _snapshots = [];

    [Params(10, 100)]
    public int Instances { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshots = Enumerable.Range(0, Instances).Select(Snapshot).ToArray();
        _storedJson = _snapshots.Select(s => JsonSerializer.Serialize(s, MetricsBenchmarkJson.Default.MetricSnapshot)).ToArray();
    }

    [Benchmark]
    public int DecodeSumAndRender()
    {
        var stored = _storedJson.Select((json, i) => new InstanceMetrics(
            "evaluate", "i" + i, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, JsonSerializer.Deserialize(json, MetricsBenchmarkJson.Default.MetricSnapshot)!));
        return PrometheusTextWriter.Write(MetricsAggregator.Aggregate(stored, "own", "history", MetricSnapshot.Empty)).Length;
    }

    [Benchmark]
    public int SumAndRender() =>
        PrometheusTextWriter.Write(MetricSnapshotMerger.Merge(_snapshots)).Length;

    private static MetricSnapshot Snapshot(int instance)
    {
        static KeyValuePair<string, string> L(string key, string value) => new(key, value);
        var decisions = new List<MetricSample>();
        foreach (var policy in Enumerable.Range(0, 40))
        {
            foreach (var severity in new[] { "CRITICAL", "HIGH", "LOW", "MEDIUM" })
            {
                foreach (var outcome in new[] { "notify", "record", "remediate" })
                {
                    decisions.Add(new MetricSample([L("outcome", outcome), L("policy", $"policy_number_{policy}"), L("severity", severity)], instance + policy));
                }
            }
        }

        var resources = Enumerable.Range(0, 45).SelectMany(t => new[] { "denied", "evaluated", "failed", "gone", "not_ready" }
            .Select(o => new MetricSample([L("asset_type", $"service{t}.googleapis.com/Type"), L("outcome", o)], t * instance))).ToList();
        var events = Enumerable.Range(0, 12).Select(k => new MetricSample([L("function", "evaluate"), L("kind", "kind" + (k % 4)), L("outcome", "outcome" + (k / 4))], k + instance)).ToList();
        long[] buckets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, instance];
        double[] bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
        var durations = new[] { "completed", "failed" }.Select(o => new MetricSample([L("function", "evaluate"), L("outcome", o)], 12.5) { Bounds = bounds, BucketCounts = buckets, Count = buckets.Sum() }).ToList();
        return new MetricSnapshot(
        [
            new MetricFamily("enforcer_decisions_total", MetricFamily.Counter, "Policy decisions taken", decisions),
            new MetricFamily("enforcer_resources_evaluated_total", MetricFamily.Counter, "Resources read and evaluated", resources),
            new MetricFamily("enforcer_events_received_total", MetricFamily.Counter, "Deliveries processed", events),
            new MetricFamily("enforcer_processing_duration_seconds", MetricFamily.Histogram, "Time to process one delivery", durations),
        ]);
    }
}
