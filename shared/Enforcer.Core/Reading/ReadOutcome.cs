namespace Enforcer.Core.Reading;

/// <summary>
/// What a live read found. Exactly one of: <see cref="ResourceFound"/>, <see cref="ResourceGone"/>,
/// <see cref="ResourceNotReady"/>, <see cref="ReadPermissionDenied"/>, <see cref="ReadTransientFailure"/>,
/// <see cref="ReadPermanentFailure"/>. Retry only the transient ones (not ready, transient failure).
/// </summary>
public abstract record ReadOutcome
{
    private protected ReadOutcome()
    {
    }

    /// <summary>True when the platform should redeliver the event later (answer 5xx).</summary>
    public virtual bool IsTransient => false;
}
