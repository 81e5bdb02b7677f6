namespace Enforcer.Core.Reading;

/// <summary>
/// The resource exists but is changing (e.g. Cloud SQL PENDING_CREATE). Transient: answer 5xx so the platform
/// redelivers, within the bound <see cref="ReadRetryBound"/> decides.
/// </summary>
public sealed record ResourceNotReady(string Field, string Value, string Message) : ReadOutcome
{
    /// <inheritdoc/>
    public override bool IsTransient => true;
}
