namespace Enforcer.Cli.Local;

/// <summary>How `evaluate` and `serve` wire the enforcer locally.</summary>
internal sealed record LocalEnforcerOptions
{
    /// <summary>Execute remediation requests (otherwise every remediation is planned as a dry run).</summary>
    public bool Enforce { get; init; }

    /// <summary>Read real resources with Application Default Credentials instead of the local stand-in (forces dry-run).</summary>
    public bool Live { get; init; }

    /// <summary>Snapshots that seed the stand-in project (<c>samples/resources</c>); null starts it empty.</summary>
    public string? ResourceDirectory { get; init; }

    /// <summary>Quarantine records to start from (<c>samples/state/quarantine.json</c>), when present.</summary>
    public string? QuarantineFile { get; init; }

    /// <summary>A policy directory for the embedded engine; null uses the bundle compiled into Enforcer.Policies.</summary>
    public string? PolicyDirectory { get; init; }
}
