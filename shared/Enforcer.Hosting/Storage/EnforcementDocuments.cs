using Enforcer.Core.Storage;
using Enforcer.Google.Firestore;

namespace Enforcer.Hosting.Storage;

/// <summary>Maps the enforcement records to and from Firestore fields (snake_case; every document carries expire_at for TTL).</summary>
internal static class EnforcementDocuments
{
    public static Dictionary<string, FirestoreValue> Evaluation(EvaluationRecord r, TimeSpan retention) => new(StringComparer.Ordinal)
    {
        ["event_id"] = r.EventId,
        ["evaluated_at"] = r.EvaluatedAt,
        ["expire_at"] = r.EvaluatedAt + retention,
        ["resource_name"] = r.ResourceName,
        ["asset_type"] = r.AssetType,
        ["project_id"] = r.ProjectId,
        ["policy_id"] = r.PolicyId,
        ["severity"] = r.Severity,
        ["compliant"] = r.Compliant,
        ["excluded"] = r.Excluded,
        ["action"] = r.Action,
        ["reasons"] = FirestoreValue.FromArray(r.Reasons.Select(FirestoreValue.FromString)),
        ["remediation_request_id"] = r.RemediationRequestId,
    };

    public static EvaluationRecord Evaluation(FirestoreDocument d) => new(
        d.Id,
        Text(d, "event_id"),
        Time(d, "evaluated_at"),
        Text(d, "resource_name"),
        Text(d, "asset_type"),
        d["project_id"]?.TryGetString(),
        Text(d, "policy_id"),
        Text(d, "severity"),
        d["compliant"]?.TryGetBoolean() ?? false,
        d["excluded"]?.TryGetBoolean() ?? false,
        Text(d, "action"),
        Strings(d["reasons"]),
        d["remediation_request_id"]?.TryGetString());

    public static Dictionary<string, FirestoreValue> Violation(ViolationRecord r, TimeSpan retention) => new(StringComparer.Ordinal)
    {
        ["resource_name"] = r.ResourceName,
        ["asset_type"] = r.AssetType,
        ["project_id"] = r.ProjectId,
        ["policy_id"] = r.PolicyId,
        ["severity"] = r.Severity,
        ["status"] = r.Status,
        ["opened_at"] = r.OpenedAt,
        ["updated_at"] = r.UpdatedAt,
        ["closed_at"] = r.ClosedAt is { } c ? FirestoreValue.FromTimestamp(c) : FirestoreValue.Null,
        ["close_reason"] = r.CloseReason,
        ["message"] = r.Message,
        ["evaluations"] = r.Evaluations,
        ["last_event_id"] = r.LastEventId,
        ["expire_at"] = r.UpdatedAt + retention,
    };

    public static ViolationRecord Violation(FirestoreDocument d) => new(
        d.Id,
        Text(d, "resource_name"),
        Text(d, "asset_type"),
        d["project_id"]?.TryGetString(),
        Text(d, "policy_id"),
        Text(d, "severity"),
        Text(d, "status"),
        Time(d, "opened_at"),
        Time(d, "updated_at"),
        d["closed_at"]?.TryGetTimestamp(),
        d["close_reason"]?.TryGetString(),
        Text(d, "message"),
        (int)(d["evaluations"]?.TryGetInteger() ?? 0),
        Text(d, "last_event_id"));

    public static Dictionary<string, FirestoreValue> Remediation(RemediationRecord r, TimeSpan retention) => new(StringComparer.Ordinal)
    {
        ["request_id"] = r.RequestId,
        ["policy_id"] = r.PolicyId,
        ["resource_name"] = r.ResourceName,
        ["asset_type"] = r.AssetType,
        ["mode"] = r.Mode,
        ["status"] = r.Status,
        ["owner"] = r.Owner,
        ["lease_until"] = r.LeaseUntil,
        ["attempts"] = r.Attempts,
        ["claimed_at"] = r.ClaimedAt,
        ["updated_at"] = r.UpdatedAt,
        ["reason"] = r.Reason,
        ["verified"] = r.Verified is { } v ? FirestoreValue.FromBoolean(v) : FirestoreValue.Null,
        ["steps"] = FirestoreValue.FromArray(r.Steps.Select(Step)),
        ["expire_at"] = r.ClaimedAt + retention,
    };

    public static RemediationRecord Remediation(FirestoreDocument d) => new(
        d.Id,
        Text(d, "request_id"),
        Text(d, "policy_id"),
        Text(d, "resource_name"),
        Text(d, "asset_type"),
        Text(d, "mode"),
        Text(d, "status"),
        Text(d, "owner"),
        Time(d, "lease_until"),
        (int)(d["attempts"]?.TryGetInteger() ?? 0),
        Time(d, "claimed_at"),
        Time(d, "updated_at"),
        d["reason"]?.TryGetString(),
        d["verified"]?.TryGetBoolean(),
        d["steps"] is { Kind: FirestoreValueKind.Array } steps ? [.. steps.AsArray().Where(s => s.Kind == FirestoreValueKind.Map).Select(s => Step(s.AsMap()))] : []);

    public static Dictionary<string, FirestoreValue> Quarantine(QuarantineRecord r) => new(StringComparer.Ordinal)
    {
        ["resource_name"] = r.ResourceName,
        ["asset_type"] = r.AssetType,
        ["policy_id"] = r.PolicyId,
        ["since"] = r.Since,
        ["reason"] = r.Reason,
        ["remediations_in_window"] = r.RemediationsInWindow,
    };

    public static QuarantineRecord Quarantine(FirestoreDocument d) => new(
        d.Id, Text(d, "resource_name"), Text(d, "asset_type"), Text(d, "policy_id"), Time(d, "since"), Text(d, "reason"), d["remediations_in_window"]?.TryGetInteger() ?? 0);

    public static Dictionary<string, FirestoreValue> DeadLetter(DeadLetterRecord r, TimeSpan retention) => new(StringComparer.Ordinal)
    {
        ["request_id"] = r.RequestId,
        ["policy_id"] = r.PolicyId,
        ["resource_name"] = r.ResourceName,
        ["at"] = r.At,
        ["reason"] = r.Reason,
        ["attempts"] = r.Attempts,
        ["request"] = r.Request,
        ["expire_at"] = r.At + retention,
    };

    public static DeadLetterRecord DeadLetter(FirestoreDocument d) => new(
        d.Id, Text(d, "request_id"), Text(d, "policy_id"), Text(d, "resource_name"), Time(d, "at"), Text(d, "reason"), (int)(d["attempts"]?.TryGetInteger() ?? 0), Text(d, "request"));

    private static FirestoreValue Step(RemediationStep s) => FirestoreValue.FromMap(new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
    {
        ["index"] = s.Index,
        ["method"] = s.Method,
        ["identity"] = s.Identity,
        ["verb"] = s.Verb,
        ["url"] = s.Url,
        ["body"] = s.Body,
        ["status"] = s.Status,
        ["http_status"] = s.HttpStatus is { } h ? FirestoreValue.FromInteger(h) : FirestoreValue.Null,
        ["at"] = s.At,
        ["detail"] = s.Detail,
    });

    private static RemediationStep Step(IReadOnlyDictionary<string, FirestoreValue> m) => new(
        (int)(m.GetValueOrDefault("index")?.TryGetInteger() ?? 0),
        m.GetValueOrDefault("method")?.TryGetString() ?? string.Empty,
        m.GetValueOrDefault("identity")?.TryGetString() ?? string.Empty,
        m.GetValueOrDefault("verb")?.TryGetString() ?? string.Empty,
        m.GetValueOrDefault("url")?.TryGetString() ?? string.Empty,
        m.GetValueOrDefault("body")?.TryGetString(),
        m.GetValueOrDefault("status")?.TryGetString() ?? string.Empty,
        m.GetValueOrDefault("http_status")?.TryGetInteger() is { } h ? (int)h : null,
        m.GetValueOrDefault("at")?.TryGetTimestamp() ?? DateTimeOffset.MinValue,
        m.GetValueOrDefault("detail")?.TryGetString());

    private static string Text(FirestoreDocument d, string field) => d[field]?.TryGetString() ?? string.Empty;

    private static DateTimeOffset Time(FirestoreDocument d, string field) => d[field]?.TryGetTimestamp() ?? d.CreateTime;

    private static string[] Strings(FirestoreValue? value) =>
        value is { Kind: FirestoreValueKind.Array } array ? [.. array.AsArray().Select(v => v.TryGetString()).OfType<string>()] : [];
}
