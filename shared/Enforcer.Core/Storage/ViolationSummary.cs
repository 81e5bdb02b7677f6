namespace Enforcer.Core.Storage;

/// <summary>
/// Counts of the violations updated in a time window, by policy, project, severity and status. When the window
/// holds more violations than the caller's bound, the counts cover the most recently updated ones and
/// <see cref="Truncated"/> is true.
/// </summary>
/// <param name="Total">Violations counted.</param>
/// <param name="ByPolicy">Count per policy id.</param>
/// <param name="ByProject">Count per project id (<see cref="NoProject"/> for violations without one).</param>
/// <param name="BySeverity">Count per severity.</param>
/// <param name="ByStatus">Count per status.</param>
/// <param name="Truncated">True when the bound stopped the count early.</param>
public sealed record ViolationSummary(
    long Total,
    IReadOnlyDictionary<string, long> ByPolicy,
    IReadOnlyDictionary<string, long> ByProject,
    IReadOnlyDictionary<string, long> BySeverity,
    IReadOnlyDictionary<string, long> ByStatus,
    bool Truncated)
{
    /// <summary>The project key of violations whose resource has no project (organization-level resources).</summary>
    public const string NoProject = "(none)";
}
