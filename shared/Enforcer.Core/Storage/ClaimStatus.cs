namespace Enforcer.Core.Storage;

/// <summary>What a claim attempt found.</summary>
public enum ClaimStatus
{
    /// <summary>No record existed; the caller now owns a fresh claim.</summary>
    Acquired,

    /// <summary>A previous owner's lease had expired; the caller owns it now, with the earlier steps.</summary>
    TakenOver,

    /// <summary>Another delivery holds an unexpired lease.</summary>
    Held,

    /// <summary>The work is already finished.</summary>
    Finished,
}
