namespace Enforcer.Core.Storage;

/// <summary>The outcome of <see cref="IEnforcerStore.TryClaimRemediationAsync"/> and the record as it now stands.</summary>
public sealed record ClaimResult(ClaimStatus Status, RemediationRecord Record)
{
    /// <summary>True when the caller may act.</summary>
    public bool Owned => Status is ClaimStatus.Acquired or ClaimStatus.TakenOver;
}
