namespace Enforcer.Enforcement.Pipeline;

/// <summary>What happened to one resource of an event (the <c>outcome</c> tag of enforcer.resources.evaluated).</summary>
public static class ResourceOutcomes
{
    /// <summary>Read and evaluated against its policies.</summary>
    public const string Evaluated = "evaluated";

    /// <summary>The event deleted it, or the read found it gone: its active violations were resolved.</summary>
    public const string Deleted = "deleted";

    /// <summary>Not ready yet, or a transient read/engine failure: the event will be redelivered.</summary>
    public const string Retry = "retry";

    /// <summary>The enforcer may not read it (403): the detail names the permission or API.</summary>
    public const string Denied = "denied";

    /// <summary>A failure retrying will not fix (bad identifiers, engine error, retry bound reached).</summary>
    public const string Failed = "failed";
}
