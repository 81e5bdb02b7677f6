namespace Enforcer.Core.AuditLogs;

/// <summary>What an event did to a resource.</summary>
public enum OperationKind
{
    /// <summary>A verb outside every known list; still mapped when it comes from an Admin Activity log (those record writes only).</summary>
    Unknown,

    /// <summary>create, insert, undelete.</summary>
    Create,

    /// <summary>update, patch, set*, enable, disable, add, remove, attach, resize, start, stop, ...</summary>
    Update,

    /// <summary>delete: the resource is gone, open violations close.</summary>
    Delete,

    /// <summary>get, list, search, testIamPermissions: nothing changed.</summary>
    Read,

    /// <summary>An explicit evaluation request (sweep or on-demand): evaluate the current state.</summary>
    Requested,
}
