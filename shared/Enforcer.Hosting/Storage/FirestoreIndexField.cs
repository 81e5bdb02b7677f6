namespace Enforcer.Hosting.Storage;

/// <summary>One field of a composite index: ASCENDING, DESCENDING or CONTAINS (array-contains).</summary>
public sealed record FirestoreIndexField(string FieldPath, string Mode);
