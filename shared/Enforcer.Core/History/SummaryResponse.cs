namespace Enforcer.Core.History;

/// <summary>Counts of the violations updated in [since, until), by policy, project, severity and status.</summary>
public sealed record SummaryResponse(
    DateTimeOffset Since,
    DateTimeOffset Until,
    long Total,
    bool Truncated,
    IReadOnlyDictionary<string, long> ByPolicy,
    IReadOnlyDictionary<string, long> ByProject,
    IReadOnlyDictionary<string, long> BySeverity,
    IReadOnlyDictionary<string, long> ByStatus);
