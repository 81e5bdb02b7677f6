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
    ];
}
