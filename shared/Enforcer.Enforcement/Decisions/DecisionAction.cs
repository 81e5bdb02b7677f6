namespace Enforcer.Enforcement.Decisions;

/// <summary>What Evaluate does with one policy result.</summary>
public enum DecisionAction
{
    /// <summary>Compliant, excluded or excepted: record the evaluation (and close any violation).</summary>
    Record,

    /// <summary>A violation that will not be remediated automatically: record it and surface it (log line at WARNING).</summary>
    Notify,

    /// <summary>A violation to remediate (or, in dry-run, to plan): publish a remediation request.</summary>
    Remediate,
}
