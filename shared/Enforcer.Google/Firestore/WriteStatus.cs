namespace Enforcer.Google.Firestore;

/// <summary>The expected outcomes of a write; anything else is a <see cref="Errors.GoogleApiException"/>.</summary>
public enum WriteStatus
{
    /// <summary>The write (or every write of the commit) was applied.</summary>
    Ok,

    /// <summary>A create found the document already there (ALREADY_EXISTS): someone else claimed it.</summary>
    AlreadyExists,

    /// <summary>An update or a must-exist precondition found no document (NOT_FOUND).</summary>
    NotFound,

    /// <summary>An update-time precondition did not match (FAILED_PRECONDITION): the document changed.</summary>
    PreconditionFailed,
}
