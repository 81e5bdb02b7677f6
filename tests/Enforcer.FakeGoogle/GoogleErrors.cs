using System.Text.Json.Nodes;

namespace Enforcer.FakeGoogle;

/// <summary>Error bodies in Google's JSON error format (google.rpc.Status with ErrorInfo details).</summary>
public static class GoogleErrors
{
    /// <summary>A Google error body for a status code.</summary>
    public static string For(int status, string message, string? reason = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var rpcStatus = status switch
        {
            400 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            409 => "ABORTED",
            412 => "FAILED_PRECONDITION",
            429 => "RESOURCE_EXHAUSTED",
            503 => "UNAVAILABLE",
            _ => status >= 500 ? "INTERNAL" : "UNKNOWN",
        };
        var error = new JsonObject { ["code"] = status, ["message"] = message, ["status"] = rpcStatus };
        if (reason is not null)
        {
            var meta = new JsonObject();
            foreach (var (k, v) in metadata ?? new Dictionary<string, string>())
            {
                meta[k] = v;
            }

            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = reason,
                ["domain"] = "googleapis.com",
                ["metadata"] = meta,
            });
        }

        // Older JSON APIs (compute, storage) also carry errors[].reason.
        if (status == 412)
        {
            error["errors"] = new JsonArray(new JsonObject { ["reason"] = "conditionNotMet", ["domain"] = "global", ["message"] = message });
        }

        return new JsonObject { ["error"] = error }.ToJsonString();
    }

    /// <summary>403 IAM_PERMISSION_DENIED naming the permission.</summary>
    public static string PermissionDenied(string permission) =>
        For(403, $"Permission '{permission}' denied on resource (or it may not exist).", "IAM_PERMISSION_DENIED", new Dictionary<string, string> { ["permission"] = permission });

    /// <summary>403 SERVICE_DISABLED naming the API.</summary>
    public static string ServiceDisabled(string service, string consumer = "projects/123456789012") =>
        For(403, $"{service} has not been used in project {consumer} before or it is disabled.", "SERVICE_DISABLED",
            new Dictionary<string, string> { ["service"] = service, ["consumer"] = consumer, ["activationUrl"] = $"https://console.developers.google.com/apis/api/{service}/overview" });
}
