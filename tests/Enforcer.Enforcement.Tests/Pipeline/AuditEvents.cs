using System.Text.Json;
using System.Text.Json.Nodes;
using Enforcer.Core.Processing;

namespace Enforcer.Enforcement.Tests.Pipeline;

/// <summary>Cloud Storage Admin Activity entries in the LogEntry format Cloud Audit Logs writes, as Evaluate receives them.</summary>
internal static class AuditEvents
{
    public static EventEnvelope Bucket(string bucket, string method, string insertId, DateTimeOffset at, string principal = "alice@example.com")
    {
        var entry = new JsonObject
        {
            ["insertId"] = insertId,
            ["logName"] = "projects/acme-prod/logs/cloudaudit.googleapis.com%2Factivity",
            ["timestamp"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["severity"] = "NOTICE",
            ["resource"] = new JsonObject
            {
                ["type"] = "gcs_bucket",
                ["labels"] = new JsonObject { ["project_id"] = "acme-prod", ["bucket_name"] = bucket, ["location"] = "us-central1" },
            },
            ["protoPayload"] = new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.cloud.audit.AuditLog",
                ["status"] = new JsonObject(),
                ["authenticationInfo"] = new JsonObject { ["principalEmail"] = principal },
                ["serviceName"] = "storage.googleapis.com",
                ["methodName"] = method,
                ["resourceName"] = "projects/_/buckets/" + bucket,
            },
        };
        return Envelope(entry.ToJsonString(), "m-" + insertId);
    }

    public static EventEnvelope Envelope(string json, string deliveryId) =>
        new(JsonDocument.Parse(json).RootElement.Clone(), deliveryId, null, new Dictionary<string, string>(), "pubsub-push");
}
