namespace Enforcer.Core.Reading;

/// <summary>429, 5xx, timeouts, connection failures: try again later.</summary>
public sealed record ReadTransientFailure(int? Status, string Message) : ReadOutcome
{
    /// <inheritdoc/>
    public override bool IsTransient => true;
}
