namespace Enforcer.Core.Resources;

/// <summary>What a method does to the resource it is called on.</summary>
public enum MethodEffect
{
    /// <summary>An action whose effect is not a plain field change (stop, restart, cluster update).</summary>
    None,

    /// <summary>Merges the body's fields into the resource (patch, setLabels, setManagement, ...).</summary>
    Merge,

    /// <summary>Replaces the resource with the body (update via PUT).</summary>
    Replace,

    /// <summary>Deletes the resource.</summary>
    Delete,

    /// <summary>Replaces the IAM policy.</summary>
    Iam,
}
