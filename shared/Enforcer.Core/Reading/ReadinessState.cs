namespace Enforcer.Core.Reading;

/// <summary>The readiness of a resource that was found.</summary>
public enum ReadinessState
{
    /// <summary>The type has no readiness field, or the resource does not carry it.</summary>
    NotApplicable,

    /// <summary>The readiness field holds a ready value.</summary>
    Ready,

    /// <summary>The resource is in a final non-ready state (FAILED, ERROR, ...): evaluate it as is; remediation may fail.</summary>
    Terminal,
}
