using System.Collections.Concurrent;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// The store for runs without Firestore. <see cref="Shared"/> is one per process, so hosts running side by side in
/// one process (the CLI's serve) see each other's snapshots, as History does over Firestore.
/// </summary>
public sealed class InMemoryMetricsSnapshotStore : IMetricsSnapshotStore
{
    public static readonly InMemoryMetricsSnapshotStore Shared = new();

    private readonly ConcurrentDictionary<string, InstanceMetrics> _entries = new(StringComparer.Ordinal);

    public Task WriteAsync(InstanceMetrics metrics, CancellationToken cancellationToken)
    {
        _entries[metrics.Key] = metrics;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InstanceMetrics>> ReadAllAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InstanceMetrics>>([.. _entries.Values.Where(e => e.ExpiresAt > now).OrderBy(e => e.Key, StringComparer.Ordinal)]);
}
