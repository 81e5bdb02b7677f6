using Enforcer.Core.Storage;
using Enforcer.Google.Firestore;
using Enforcer.Hosting.Storage;

namespace Enforcer.Functions.Tests.History;

/// <summary>
/// The records the History API tests read, written straight into the emulator in batched commits (500 writes
/// each), so that a thousand records take a few requests instead of a thousand.
/// </summary>
internal static class HistorySeed
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static readonly string[] Projects = ["alpha-prod", "beta-dev", "gamma-ops"];

    public static readonly string[] Policies = ["storage_bucket_versioning", "sql_require_ssl", "firewall_no_world_ssh", "gke_private_nodes"];

    public static readonly string[] Severities = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

    /// <summary>A thousand violations over 40 resources × 4 policies... with every status, severity and project represented.</summary>
    public static IReadOnlyList<ViolationRecord> Violations(int count)
    {
        var list = new List<ViolationRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var resource = $"//storage.googleapis.com/bucket-{i / 4:D4}";
            var policy = Policies[i % 4];
            var status = ViolationRecord.Statuses[(i / 3) % ViolationRecord.Statuses.Count];
            var updated = T0.AddMinutes(i / 2); // pairs share a time: ids break the tie
            list.Add(new ViolationRecord(
                StoreKeys.Violation(resource, policy), resource, "storage.googleapis.com/Bucket", Projects[(i / 7) % 3], policy, Severities[(i / 5) % 4], status,
                updated.AddHours(-1), updated, status is ViolationRecord.Open or ViolationRecord.Quarantined ? null : updated, null, $"violation {i}", 1 + (i % 3), "event-" + i));
        }

        return list;
    }

    public static EvaluationRecord Evaluation(string id, string resource, string policy, int minutes, bool compliant) => new(
        id, "event-" + id, T0.AddMinutes(minutes), resource, "storage.googleapis.com/Bucket", "alpha-prod", policy, "HIGH", compliant, false,
        compliant ? "resolved" : "remediate", compliant ? ["compliant"] : ["mode enforce", "severity HIGH >= MEDIUM"], compliant ? null : "req-" + id);

    public static RemediationRecord Remediation(string id, string resource, string policy, string status, int minutes) => new(
        id, "req-" + id, policy, resource, "storage.googleapis.com/Bucket", "enforce", status, "evaluate-1", T0.AddMinutes(minutes + 5), 1,
        T0.AddMinutes(minutes), T0.AddMinutes(minutes + 1), null, status == RemediationRecord.Succeeded ? true : null,
        [new RemediationStep(0, "patch", "id-0", "PATCH", "https://storage.googleapis.com/storage/v1/b/x?fields=versioning", "{\"versioning\":{\"enabled\":true}}", RemediationStep.Done, 200, T0.AddMinutes(minutes), null)]);

    public static EventRecord Event(string id, string resource, int minutes) => new(
        id, T0.AddMinutes(minutes), "audit_log", "insert-" + id, "delivery-" + id, T0.AddMinutes(minutes), "storage.buckets.update", "storage.googleapis.com",
        "alice@example.com", "evaluated", null, [new EventResource("storage.googleapis.com/Bucket", resource, "update")]);

    public static async Task WriteAsync(
        FirestoreClient client,
        IEnumerable<ViolationRecord> violations,
        IEnumerable<EvaluationRecord> evaluations,
        IEnumerable<RemediationRecord> remediations,
        IEnumerable<EventRecord> events,
        CancellationToken cancellationToken)
    {
        var writes = violations.Select(v => FirestoreWrite.Set(FirestoreEnforcerStore.ViolationsCollection + "/" + v.Id, EnforcementDocuments.Violation(v, Retention)))
            .Concat(evaluations.Select(e => FirestoreWrite.Set(FirestoreEnforcerStore.EvaluationsCollection + "/" + e.Id, EnforcementDocuments.Evaluation(e, Retention))))
            .Concat(remediations.Select(r => FirestoreWrite.Set(FirestoreEnforcerStore.RemediationsCollection + "/" + r.Id, EnforcementDocuments.Remediation(r, Retention))))
            .Concat(events.Select(e => FirestoreWrite.Set(FirestoreEnforcerStore.EventsCollection + "/" + e.Id, EventDocuments.ToFields(e, Retention))))
            .ToList();
        foreach (var batch in writes.Chunk(500))
        {
            var result = await client.CommitAsync(batch, cancellationToken);
            Assert.True(result.Succeeded, $"seeding failed: {result.Status} {result.Error?.Message}");
        }
    }
}
