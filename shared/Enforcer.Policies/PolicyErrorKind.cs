namespace Enforcer.Policies;

/// <summary>Why an evaluation produced no decisions.</summary>
public enum PolicyErrorKind
{
    /// <summary>Worth retrying: OPA unreachable, timed out, 429 or 5xx.</summary>
    Transient,

    /// <summary>Retrying will not help: a rejected request, an evaluation error, a malformed answer.</summary>
    Permanent,

    /// <summary>The decision document is undefined (policies not loaded?). Callers fail closed: never read it as compliant.</summary>
    Undefined,
}
