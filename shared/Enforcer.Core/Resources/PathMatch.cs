namespace Enforcer.Core.Resources;

/// <summary>How a path lined up with a <see cref="PathTemplate"/>.</summary>
public enum PathMatch
{
    /// <summary>The path does not fit the template.</summary>
    None,

    /// <summary>Every segment matched.</summary>
    Full,

    /// <summary>The path names something inside the resource (a cluster of an instance, a version of a key).</summary>
    PathIsChild,

    /// <summary>The path stops at an ancestor (a create call logged against its parent).</summary>
    PathIsParent,
}
