namespace Enforcer.Core.Resources;

/// <summary>What a method's request body holds.</summary>
public enum MethodBody
{
    /// <summary>No body.</summary>
    None,

    /// <summary>A (partial) resource document.</summary>
    Resource,

    /// <summary>A method-specific request message.</summary>
    Request,

    /// <summary><c>{"policy": {...}, "updateMask"?: ...}</c>.</summary>
    Policy,

    /// <summary>The IAM policy itself, unwrapped (Cloud Storage).</summary>
    PolicyBare,
}
