using Enforcer.Google.Errors;

namespace Enforcer.Google.Firestore;

/// <summary>The outcome of a single-document write.</summary>
/// <remarks><c>Error</c> holds the server's status and message behind a non-Ok status, for logs.</remarks>
public sealed record WriteResult(WriteStatus Status, DateTimeOffset? UpdateTime, IReadOnlyList<FirestoreValue> TransformResults, GoogleApiError? Error)
{
    public bool Succeeded => Status == WriteStatus.Ok;
}
