using Enforcer.Enforcement.Configuration;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Decisions;

/// <summary>
/// Turns one policy result plus configuration into a decision. Order: compliant → excluded → operator exception
/// → mode (policy, project, global) and the request's own switch → severity threshold → remediable → the
/// enforcer's own account (verify, never re-remediate blindly) → remediate, after the enforcement delay.
/// </summary>
public sealed class DecisionMaker(EnforcementOptions options, TimeProvider timeProvider)
{
    public Decision Decide(PolicyDecision result, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var mode = options.ModeFor(result.PolicyId, context.ProjectId);
        var ownChange = context.Principal is { } principal && options.OwnServiceAccounts.Contains(principal);
        if (result.Compliant)
        {
            return Record(mode, ownChange ? "compliant: verified after the enforcer's own change" : "compliant");
        }

        if (result.Excluded)
        {
            return Record(mode, "excluded by policy configuration");
        }

        var reasons = new List<string>();
        var now = timeProvider.GetUtcNow();
        foreach (var exception in options.Exceptions.Where(e => e.Matches(result.PolicyId, context.ResourceName)))
        {
            if (exception.Expires > now)
            {
                return Record(mode, $"exception until {exception.Expires:O}: {exception.Reason}");
            }

            reasons.Add($"exception expired {exception.Expires:O}");
        }

        if (!context.RequestEnforce)
        {
            return Notify(mode, reasons, "the request's control_data disabled enforcement");
        }

        if (mode == EnforcementMode.Off)
        {
            return Notify(mode, reasons, "enforcement mode is off");
        }

        if (result.Severity < options.SeverityThreshold)
        {
            return Notify(mode, reasons, $"severity {result.Severity} is below the threshold {options.SeverityThreshold}");
        }

        if (!result.Remediable || result.Remediation is null)
        {
            return Notify(mode, reasons, "the policy has no remediation for this violation");
        }

        if (ownChange)
        {
            return Notify(mode, reasons, "violation persists after the enforcer's own change; not re-remediated automatically");
        }

        reasons.Add(mode == EnforcementMode.DryRun ? "mode dry-run: plan and record the calls" : "mode enforce");
        reasons.Add($"severity {result.Severity} at or above {options.SeverityThreshold}");
        DateTimeOffset? notBefore = null;
        if (context.ApplyDelay && options.Delay > TimeSpan.Zero)
        {
            notBefore = (context.EventTime ?? now) + options.Delay;
            reasons.Add($"enforcement delay: not before {notBefore:O}");
        }

        return new Decision(DecisionAction.Remediate, mode, reasons, notBefore);
    }

    /// <summary>True when <paramref name="principal"/> is one of the enforcer's own service accounts.</summary>
    public bool IsOwnAccount(string principal) => options.OwnServiceAccounts.Contains(principal);

    private static Decision Record(EnforcementMode mode, string reason) => new(DecisionAction.Record, mode, [reason], null);

    private static Decision Notify(EnforcementMode mode, List<string> reasons, string reason)
    {
        reasons.Add(reason);
        return new Decision(DecisionAction.Notify, mode, reasons, null);
    }
}
