namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Where instances leave their latest metric snapshots for History to sum. Each instance overwrites only its own
/// entry, so there is no shared counter to contend on.
/// </summary>
public interface IMetricsSnapshotStore
{
    /// <summary>Creates or replaces the instance's entry.</summary>
    Task WriteAsync(InstanceMetrics metrics, CancellationToken cancellationToken);

    /// <summary>Every entry not yet expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<InstanceMetrics>> ReadAllAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
