using Enforcer.Enforcement.Configuration;

namespace Enforcer.Enforcement.Decisions;

/// <summary>The decision for one policy result, with every reason that led to it (recorded with the evaluation).</summary>
/// <param name="Action">Record, notify or remediate.</param>
/// <param name="Mode">The effective mode (dry-run or enforce for remediations).</param>
/// <param name="Reasons">Human-readable reasons, in the order they were applied.</param>
/// <param name="NotBefore">For remediations under an enforcement delay: the earliest time to act.</param>
public sealed record Decision(DecisionAction Action, EnforcementMode Mode, IReadOnlyList<string> Reasons, DateTimeOffset? NotBefore)
{
    public string ActionName => Action switch
    {
        DecisionAction.Record => "record",
        DecisionAction.Notify => "notify",
        _ => Mode == EnforcementMode.DryRun ? "remediate-dry-run" : "remediate",
    };
}
