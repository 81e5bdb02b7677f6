namespace Enforcer.Enforcement.Remediation;

/// <summary>How an API call (and any long-running operation it started) ended.</summary>
public enum CallResultKind
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>The operation was accepted but is still running after the bounded wait.</summary>
    Pending,

    /// <summary>Stale etag/fingerprint/metageneration (409 ABORTED or 412): re-read and re-plan.</summary>
    Conflict,

    /// <summary>429, 5xx, network, resourceNotReady: retry later.</summary>
    Transient,

    /// <summary>Anything else (403, 404, 400): retrying will not help.</summary>
    Permanent,
}

/// <summary>The result of one call: kind, HTTP status and a detail for the step record.</summary>
public sealed record CallOutcome(CallResultKind Kind, int? HttpStatus, string Detail);
