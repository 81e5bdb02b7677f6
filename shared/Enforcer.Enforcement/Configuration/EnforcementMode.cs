namespace Enforcer.Enforcement.Configuration;

/// <summary>What the enforcer does about a violation, ordered from least to most action.</summary>
public enum EnforcementMode
{
    /// <summary>Record only.</summary>
    Off = 0,

    /// <summary>Plan the remediation and record the exact calls, make none.</summary>
    DryRun = 1,

    /// <summary>Execute the remediation.</summary>
    Enforce = 2,
}
