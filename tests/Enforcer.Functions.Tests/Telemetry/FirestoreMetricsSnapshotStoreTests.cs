using Enforcer.Hosting.Telemetry;
using Enforcer.TestSupport;
using static Enforcer.Functions.Tests.Telemetry.PrometheusTextWriterTests;

namespace Enforcer.Functions.Tests.Telemetry;

public sealed class FirestoreMetricsSnapshotStoreTests(EmulatorFixture emulators)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_ThenReadAllAsync_ReturnsLiveEntriesWithTheirSnapshots()
    {
        var store = new FirestoreMetricsSnapshotStore(emulators.CreateFirestoreClient(EmulatorFixture.NewProjectId()));
        var cancellationToken = TestContext.Current.CancellationToken;
        var snapshot = new MetricSnapshot(
        [
            new MetricFamily("enforcer_events_received_total", MetricFamily.Counter, "Deliveries", [Counter(3, ("function", "evaluate"), ("kind", "audit_log"))]),
            new MetricFamily("enforcer_processing_duration_seconds", MetricFamily.Histogram, "Time", [Histogram(0.75, [1, 2, 0], ("function", "evaluate"))]),
        ]);

        await store.WriteAsync(new InstanceMetrics("evaluate", "a1", Now, Now.AddHours(1), snapshot), cancellationToken);
        await store.WriteAsync(new InstanceMetrics("evaluate", "a1", Now.AddMinutes(1), Now.AddHours(1), snapshot), cancellationToken);
        await store.WriteAsync(new InstanceMetrics("remediate", "b2", Now, Now.AddSeconds(-1), snapshot), cancellationToken);

        var entries = await store.ReadAllAsync(Now, cancellationToken);

        var entry = Assert.Single(entries);
        Assert.Equal(("evaluate", "a1", Now.AddMinutes(1)), (entry.Function, entry.InstanceId, entry.UpdatedAt));
        Assert.Equal(PrometheusTextWriter.Write(snapshot), PrometheusTextWriter.Write(entry.Snapshot));
    }
}
