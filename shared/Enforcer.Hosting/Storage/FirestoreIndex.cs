namespace Enforcer.Hosting.Storage;

/// <summary>A composite index a Firestore query needs (declared in Terraform, checked by tests).</summary>
public sealed record FirestoreIndex(string Collection, IReadOnlyList<FirestoreIndexField> Fields);
