namespace Enforcer.Core.Processing;

/// <summary>How a delivery ended, which decides what the platform is told.</summary>
public enum ProcessingStatus
{
    /// <summary>The work is done (or was already done): acknowledge.</summary>
    Completed,

    /// <summary>Nothing to do for this input, for a stated reason: acknowledge.</summary>
    Ignored,

    /// <summary>The input can never succeed; the reason is recorded: acknowledge, do not retry.</summary>
    Permanent,

    /// <summary>A dependency is unavailable or a resource is not ready yet: ask the platform to redeliver.</summary>
    Transient,
}
