namespace Enforcer.Hosting.Storage;

/// <summary>Settings of the Firestore store.</summary>
/// <param name="Retention">How long records live before Firestore's TTL policy removes them (expire_at).</param>
public sealed record FirestoreStoreOptions(TimeSpan Retention);
