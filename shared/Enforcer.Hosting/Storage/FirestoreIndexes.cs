namespace Enforcer.Hosting.Storage;

/// <summary>
/// Every composite index the store's queries need. Single-field queries use Firestore's automatic
/// indexes; anything that filters on one field and orders by another is listed here, and the
/// deployment tests check that Terraform declares each one.
/// </summary>
public static class FirestoreIndexes
{
    public static IReadOnlyList<FirestoreIndex> Required { get; } =
    [
        // History: events that touched a resource, newest first.
        new("events", [new("resource_names", "CONTAINS"), new("received_at", "DESCENDING"), new("__name__", "DESCENDING")]),

        // History: violations filtered on one field (the store applies any further filters itself), optionally
        // within an updated_at window, most recently updated first.
        .. new[] { "resource_name", "policy_id", "project_id", "severity", "status" }.Select(f => ByFieldNewestFirst("violations", f, "updated_at")),

        // History: a resource's evaluations, of every policy or of one, newest first.
        ByFieldNewestFirst("evaluations", "resource_name", "evaluated_at"),
        new("evaluations", [new("resource_name", "ASCENDING"), new("policy_id", "ASCENDING"), new("evaluated_at", "DESCENDING"), new("__name__", "DESCENDING")]),

        // History: remediation records filtered on one field, optionally within a claimed_at window, newest first.
        .. new[] { "resource_name", "policy_id", "status" }.Select(f => ByFieldNewestFirst("remediations", f, "claimed_at")),
    ];

    private static FirestoreIndex ByFieldNewestFirst(string collection, string field, string timeField) =>
        new(collection, [new(field, "ASCENDING"), new(timeField, "DESCENDING"), new("__name__", "DESCENDING")]);
}
