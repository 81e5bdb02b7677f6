using System.Text.Json;
using Enforcer.Google.Firestore;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Snapshots in the Firestore collection <c>metrics</c>, one document per function instance
/// (id FUNCTION-INSTANCE): function, instance, updated_at, expire_at (the TTL field) and the snapshot as one JSON
/// string, so a document holds a single indexed value however many series it carries.
/// </summary>
public sealed class FirestoreMetricsSnapshotStore(FirestoreClient client) : IMetricsSnapshotStore
{
    public const string Collection = "metrics";
    public const int SchemaVersion = 1;

    public async Task WriteAsync(InstanceMetrics metrics, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            ["function"] = metrics.Function,
            ["instance"] = metrics.InstanceId,
            ["updated_at"] = metrics.UpdatedAt,
            ["expire_at"] = metrics.ExpiresAt,
            ["schema_version"] = SchemaVersion,
            ["snapshot"] = JsonSerializer.Serialize(metrics.Snapshot, TelemetryJsonContext.Default.MetricSnapshot),
        };
        var result = await client.SetAsync($"{Collection}/{metrics.Key}", fields, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.Status != WriteStatus.Ok)
        {
            throw new InvalidOperationException($"writing metrics/{metrics.Key} ended with {result.Status}");
        }
    }

    public async Task<IReadOnlyList<InstanceMetrics>> ReadAllAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Expiry is checked here rather than in the query: TTL fields are exempt from indexing (terraform/firestore.tf),
        // and Firestore's TTL deletes only within a day or so of expire_at.
        var documents = await client.RunQueryAsync(new FirestoreQuery(Collection), cancellationToken: cancellationToken).ConfigureAwait(false);
        var entries = new List<InstanceMetrics>(documents.Count);
        foreach (var document in documents)
        {
            if (document["snapshot"]?.TryGetString() is not { } json || document["schema_version"]?.TryGetInteger() != SchemaVersion ||
                document["expire_at"]?.TryGetTimestamp() is not { } expiresAt || expiresAt <= now)
            {
                continue;
            }

            var snapshot = JsonSerializer.Deserialize(json, TelemetryJsonContext.Default.MetricSnapshot) ?? MetricSnapshot.Empty;
            entries.Add(new InstanceMetrics(
                document["function"]?.TryGetString() ?? string.Empty,
                document["instance"]?.TryGetString() ?? document.Id,
                document["updated_at"]?.TryGetTimestamp() ?? document.UpdateTime,
                expiresAt,
                snapshot));
        }

        return entries;
    }
}
