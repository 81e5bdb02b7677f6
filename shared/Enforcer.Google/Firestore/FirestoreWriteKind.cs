namespace Enforcer.Google.Firestore;

/// <summary>What a <see cref="FirestoreWrite"/> does to its document.</summary>
public enum FirestoreWriteKind
{
    /// <summary>Writes fields (all of them, or those in the update mask).</summary>
    Update,

    /// <summary>Deletes the document.</summary>
    Delete,

    /// <summary>Applies field transforms only.</summary>
    Transform,
}
