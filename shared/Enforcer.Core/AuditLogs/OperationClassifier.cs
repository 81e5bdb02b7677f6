namespace Enforcer.Core.AuditLogs;

/// <summary>
/// Classifies an audit-log method name by its verb (the last dot-separated segment, <c>batch</c> prefix removed).
/// Keeps the seed's read/write/delete prefixes and adds the verbs it missed (add, remove, attach, resize, start,
/// stop, switch, undelete, ...), which it dropped as "unknown" and so never evaluated.
/// </summary>
public static class OperationClassifier
{
    private static readonly string[] ReadVerbs =
        ["get", "list", "aggregatedlist", "search", "lookup", "testiampermissions", "query", "check", "fetch", "watch", "read", "validate", "preview"];

    private static readonly string[] CreateVerbs = ["create", "insert", "undelete"];

    private static readonly string[] UpdateVerbs =
    [
        "update", "patch", "set", "debug", "enable", "disable", "expand", "activate", "deactivate",
        "add", "remove", "attach", "detach", "resize", "start", "stop", "suspend", "resume", "reset", "restart",
        "rotate", "restore", "rollback", "upgrade", "move", "switch", "failover", "promote", "demote", "import", "deploy",
        "replace", "apply", "abandon", "deprecate", "cancel", "modify", "rename", "repair", "complete", "reconcile",
        "simulatemaintenanceevent", "recreate", "undeploy", "partialupdate", "upsert", "configure",
    ];

    /// <summary>Classifies a method name such as <c>v1.compute.instances.insert</c> or <c>google.iam.admin.v1.DeleteRole</c>.</summary>
    public static OperationKind Classify(string? methodName)
    {
        if (string.IsNullOrEmpty(methodName))
        {
            return OperationKind.Unknown;
        }

        var raw = methodName.AsSpan();
        var dot = raw.LastIndexOf('.');
        raw = raw[(dot + 1)..];
        var slash = raw.LastIndexOf('/');
        raw = raw[(slash + 1)..];
        if (raw.StartsWith("batch", StringComparison.OrdinalIgnoreCase) && raw.Length > 5)
        {
            raw = raw[5..];
        }

        Span<char> lower = stackalloc char[Math.Min(raw.Length, 128)];
        var verb = lower[..raw[..lower.Length].ToLowerInvariant(lower)];

        if (verb.StartsWith("destroy") || verb.StartsWith("purge"))
        {
            return OperationKind.Delete;
        }

        if (verb.StartsWith("delete"))
        {
            // "delete" alone (compute, storage, cloudsql) or an RPC "DeleteX" removes the resource; compute's
            // lower-case "deleteAccessConfig" style changes a part of it.
            return verb.Length == 6 || char.IsUpper(raw[0]) ? OperationKind.Delete : OperationKind.Update;
        }

        if (StartsWithAny(verb, CreateVerbs))
        {
            return OperationKind.Create;
        }

        if (StartsWithAny(verb, ReadVerbs))
        {
            // "setIamPolicy" starts with neither; "getIamPolicy" and "testIamPermissions" are reads.
            return OperationKind.Read;
        }

        return StartsWithAny(verb, UpdateVerbs) ? OperationKind.Update : OperationKind.Unknown;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> verb, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (verb.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
