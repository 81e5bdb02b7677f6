namespace Enforcer.Core.Storage;

/// <summary>
/// One policy's verdict on one observed resource state, with the decision taken and why. Keyed by
/// event, resource and policy, so a redelivered event overwrites its own record instead of adding one.
/// </summary>
public sealed record EvaluationRecord(
    string Id,
    string EventId,
    DateTimeOffset EvaluatedAt,
    string ResourceName,
    string AssetType,
    string? ProjectId,
    string PolicyId,
    string Severity,
    bool Compliant,
    bool Excluded,
    string Action,
    IReadOnlyList<string> Reasons,
    string? RemediationRequestId);
