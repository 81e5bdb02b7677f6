namespace Enforcer.Hosting.Telemetry;

/// <summary>The latest cumulative snapshot of one function instance (one process).</summary>
/// <param name="Function">evaluate, remediate or history.</param>
/// <param name="InstanceId">Random per process; a restart starts new counters under a new id.</param>
/// <param name="UpdatedAt">When the snapshot was taken.</param>
/// <param name="ExpiresAt">After this the snapshot no longer counts (and Firestore's TTL deletes it).</param>
/// <param name="Snapshot">Cumulative values since the process started.</param>
public sealed record InstanceMetrics(string Function, string InstanceId, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt, MetricSnapshot Snapshot)
{
    /// <summary>The store key: one document per function and instance, so no two writers share a document.</summary>
    public string Key => Function + "-" + InstanceId;
}
