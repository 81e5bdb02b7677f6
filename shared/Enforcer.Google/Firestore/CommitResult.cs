using Enforcer.Google.Errors;

namespace Enforcer.Google.Firestore;

/// <summary>
/// The outcome of an atomic commit: all writes applied (<see cref="WriteStatus.Ok"/>, one result per
/// write) or none, with the status of the precondition that stopped it.
/// </summary>
/// <remarks><c>Error</c> holds the server's status and message behind a non-Ok status, for logs.</remarks>
public sealed record CommitResult(WriteStatus Status, DateTimeOffset? CommitTime, IReadOnlyList<WriteResult> WriteResults, GoogleApiError? Error)
{
    public bool Succeeded => Status == WriteStatus.Ok;
}
