namespace Enforcer.Core.Storage;

/// <summary>Accumulates <see cref="ViolationSummary"/> counts; both stores count the same way through it.</summary>
public sealed class ViolationSummaryBuilder
{
    private readonly SortedDictionary<string, long> _byPolicy = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _byProject = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _bySeverity = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _byStatus = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public void Add(string policyId, string? projectId, string severity, string status)
    {
        Total++;
        Increment(_byPolicy, policyId);
        Increment(_byProject, string.IsNullOrEmpty(projectId) ? ViolationSummary.NoProject : projectId);
        Increment(_bySeverity, severity);
        Increment(_byStatus, status);
    }

    public ViolationSummary Build(bool truncated) => new(Total, _byPolicy, _byProject, _bySeverity, _byStatus, truncated);

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
