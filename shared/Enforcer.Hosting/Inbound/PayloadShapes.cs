using System.Text.Json;
using Enforcer.Core.Sweep;

namespace Enforcer.Hosting.Inbound;

/// <summary>
/// The payload checks the hosts run before any business code: each function accepts only the JSON
/// shapes it can act on, and refuses anything else with a one-line reason.
/// </summary>
public static class PayloadShapes
{
    /// <summary>
    /// Evaluate takes a LogEntry (from a sink or Eventarc), an evaluation request (sweeps, on demand) or a sweep batch
    /// (<c>{"sweep": {...}}</c> from the scheduler and from each batch's continuation).
    /// </summary>
    public static string? Evaluate(JsonElement payload)
    {
        if (IsLogEntry(payload) || IsEvaluationRequest(payload) || SweepBatchProcessor.IsSweep(payload))
        {
            return null;
        }

        return "payload is neither a LogEntry (logName/protoPayload), an evaluation request (name and asset_type strings) nor a sweep batch (a sweep object)";
    }

    /// <summary>Remediate takes remediation requests published by Evaluate.</summary>
    public static string? Remediate(JsonElement payload)
    {
        if (payload.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String &&
            payload.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object &&
            payload.TryGetProperty("policy_id", out var policy) && policy.ValueKind == JsonValueKind.String)
        {
            return null;
        }

        return "payload is not a remediation request (request_id, policy_id strings and a resource object)";
    }

    private static bool IsLogEntry(JsonElement payload) =>
        (payload.TryGetProperty("logName", out var logName) && logName.ValueKind == JsonValueKind.String) ||
        (payload.TryGetProperty("protoPayload", out var proto) && proto.ValueKind == JsonValueKind.Object);

    private static bool IsEvaluationRequest(JsonElement payload) =>
        payload.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String &&
        payload.TryGetProperty("asset_type", out var type) && type.ValueKind == JsonValueKind.String;
}
