using Enforcer.Policies;

namespace Enforcer.Enforcement.Configuration;

/// <summary>
/// How the enforcer decides and how far it may go. Bound from environment variables by
/// <see cref="EnforcementOptionsReader"/>; every setting is described in docs/operations.md. Defaults are safe:
/// dry-run, no delay, small caps.
/// </summary>
public sealed record EnforcementOptions
{
    /// <summary>Global mode (ENFORCER_ENFORCE true/false, or ENFORCER_MODE off/dry-run/enforce).</summary>
    public EnforcementMode Mode { get; init; } = EnforcementMode.DryRun;

    /// <summary>Per-policy modes; win over project and global modes.</summary>
    public IReadOnlyDictionary<string, EnforcementMode> PolicyModes { get; init; } = new Dictionary<string, EnforcementMode>();

    /// <summary>Per-project modes; win over the global mode.</summary>
    public IReadOnlyDictionary<string, EnforcementMode> ProjectModes { get; init; } = new Dictionary<string, EnforcementMode>();

    /// <summary>Remediate only at or above this severity (ENFORCER_SEVERITY_THRESHOLD); below it, notify.</summary>
    public PolicySeverity SeverityThreshold { get; init; } = PolicySeverity.Low;

    /// <summary>Grace period after a change before remediating it (ENFORCER_ENFORCEMENT_DELAY_SECONDS), so IaC runs can finish.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Exceptions with an expiry date.</summary>
    public IReadOnlyList<EnforcementException> Exceptions { get; init; } = [];

    /// <summary>The enforcer's own service account emails: changes they make are verified, not re-remediated.</summary>
    public IReadOnlySet<string> OwnServiceAccounts { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pub/Sub topic Remediate consumes.</summary>
    public string RemediationTopic { get; init; } = "remediations";

    /// <summary>At most this many remediations per resource per <see cref="ResourceWindow"/>; then quarantine.</summary>
    public int ResourceCap { get; init; } = 3;

    public TimeSpan ResourceWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most this many remediations in all per <see cref="GlobalWindow"/>; beyond it requests wait (503).</summary>
    public int GlobalCap { get; init; } = 100;

    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries of one remediation before it is dead-lettered.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>How long a claim is held; a delivery that finds it expired takes the work over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Stale-etag re-read/re-plan rounds within one delivery.</summary>
    public int MaxReplans { get; init; } = 3;

    /// <summary>Polls of a long-running operation within one delivery before answering transient.</summary>
    public int OperationPolls { get; init; } = 5;

    /// <summary>Pause between operation polls (kept to seconds: never sleep for minutes in a request).</summary>
    public TimeSpan OperationPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The effective mode for a policy in a project: policy override, else project override, else global.</summary>
    public EnforcementMode ModeFor(string policyId, string? projectId) =>
        PolicyModes.TryGetValue(policyId, out var byPolicy) ? byPolicy
        : projectId is not null && ProjectModes.TryGetValue(projectId, out var byProject) ? byProject
        : Mode;
}
