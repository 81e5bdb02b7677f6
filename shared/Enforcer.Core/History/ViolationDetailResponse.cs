using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>
/// One violation with the newest evaluations and remediation records of its resource and policy (at most
/// <see cref="HistoryService.DetailLimit"/> of each; the more_* flags say when older ones exist: see the timeline).
/// </summary>
public sealed record ViolationDetailResponse(
    ViolationRecord Violation,
    IReadOnlyList<EvaluationRecord> Evaluations,
    bool MoreEvaluations,
    IReadOnlyList<RemediationRecord> Remediations,
    bool MoreRemediations);
