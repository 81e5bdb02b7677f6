using Enforcer.Enforcement.Notifications;

namespace Enforcer.Enforcement.Tests.Notifications;

/// <summary>Findings for notification tests: a bucket violation by default, changed with `with`.</summary>
internal static class Findings
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static Finding Violation(string severity = "HIGH", string policyId = "storage_buckets_require_object_versioning") => new(
        EventId: "evt-42",
        EvaluatedAt: At,
        ResourceName: "//storage.googleapis.com/acme-raw-data",
        AssetType: "storage.googleapis.com/Bucket",
        ProjectId: "acme-prod",
        PolicyId: policyId,
        Title: "Buckets keep object versions",
        Severity: severity,
        Compliant: false,
        Excluded: false,
        Action: "remediate",
        Reasons: ["mode is enforce and HIGH is at or above the threshold", "no exception applies"],
        Message: "Bucket acme-raw-data has versioning <disabled> & no retention",
        RemediationRequestId: "req-7",
        Principal: "alice@example.com");

    public static Finding Compliant() => Violation() with { Compliant = true, Action = "record", Message = string.Empty, RemediationRequestId = null };
}
