using System.Text.Json;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Decisions;
using Enforcer.Policies;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Enforcement.Tests.Decisions;

public sealed class DecisionMakerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonElement Plan = JsonDocument.Parse("{\"_remediation_spec\":\"v2\",\"steps\":[]}").RootElement.Clone();

    private static PolicyDecision Violation(PolicySeverity severity = PolicySeverity.High, bool compliant = false, bool excluded = false) =>
        new("p1", "t", compliant, excluded, severity, "E-1", "m", true, compliant ? null : Plan);

    private static DecisionContext Context(string? principal = "alice@example.com", bool applyDelay = true) =>
        new("//storage.googleapis.com/b", "proj", principal, Now, RequestEnforce: true, applyDelay);

    private static Decision Decide(EnforcementOptions options, PolicyDecision result, DecisionContext? context = null) =>
        new DecisionMaker(options, new FakeTimeProvider(Now)).Decide(result, context ?? Context());

    [Fact]
    public void Decide_DefaultOptions_IsDryRunRemediation()
    {
        var decision = Decide(new EnforcementOptions(), Violation());

        Assert.Equal((DecisionAction.Remediate, EnforcementMode.DryRun), (decision.Action, decision.Mode));
    }

    [Fact]
    public void Decide_PolicyModeWinsOverProjectAndGlobal()
    {
        var options = new EnforcementOptions
        {
            Mode = EnforcementMode.Off,
            ProjectModes = new Dictionary<string, EnforcementMode> { ["proj"] = EnforcementMode.DryRun },
            PolicyModes = new Dictionary<string, EnforcementMode> { ["p1"] = EnforcementMode.Enforce },
        };

        Assert.Equal(EnforcementMode.Enforce, Decide(options, Violation()).Mode);
        Assert.Equal(EnforcementMode.DryRun, Decide(options with { PolicyModes = new Dictionary<string, EnforcementMode>() }, Violation()).Mode);
        Assert.Equal(DecisionAction.Notify, Decide(options with { PolicyModes = new Dictionary<string, EnforcementMode>(), ProjectModes = new Dictionary<string, EnforcementMode>() }, Violation()).Action);
    }

    [Fact]
    public void Decide_BelowSeverityThreshold_Notifies()
    {
        var decision = Decide(new EnforcementOptions { Mode = EnforcementMode.Enforce, SeverityThreshold = PolicySeverity.High }, Violation(PolicySeverity.Medium));

        Assert.Equal(DecisionAction.Notify, decision.Action);
        Assert.Contains(decision.Reasons, r => r.Contains("below the threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_Exception_AppliesUntilItExpires()
    {
        var active = new EnforcementOptions { Mode = EnforcementMode.Enforce, Exceptions = [new EnforcementException("p1", "//storage.googleapis.com/*", Now.AddDays(1), "migration")] };
        var expired = active with { Exceptions = [new EnforcementException("*", "//storage.googleapis.com/b", Now.AddDays(-1), "old")] };

        Assert.Equal(DecisionAction.Record, Decide(active, Violation()).Action);
        var after = Decide(expired, Violation());
        Assert.Equal(DecisionAction.Remediate, after.Action);
        Assert.Contains(after.Reasons, r => r.StartsWith("exception expired", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_OwnServiceAccountStillViolating_NotifiesInsteadOfRemediating()
    {
        var options = new EnforcementOptions { Mode = EnforcementMode.Enforce, OwnServiceAccounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "enforcer@p.iam.gserviceaccount.com" } };

        var decision = Decide(options, Violation(), Context("Enforcer@p.iam.gserviceaccount.com"));

        Assert.Equal(DecisionAction.Notify, decision.Action);
        Assert.Equal(DecisionAction.Record, Decide(options, Violation(compliant: true), Context("enforcer@p.iam.gserviceaccount.com")).Action);
    }

    [Fact]
    public void Decide_Delay_SetsNotBeforeFromTheEventTime()
    {
        var options = new EnforcementOptions { Mode = EnforcementMode.Enforce, Delay = TimeSpan.FromMinutes(5) };

        Assert.Equal(Now.AddMinutes(5), Decide(options, Violation()).NotBefore);
        Assert.Null(Decide(options, Violation(), Context(applyDelay: false)).NotBefore);
    }

    [Fact]
    public void Decide_CompliantOrExcluded_RecordsOnly()
    {
        var options = new EnforcementOptions { Mode = EnforcementMode.Enforce };

        Assert.Equal(DecisionAction.Record, Decide(options, Violation(compliant: true)).Action);
        Assert.Equal(DecisionAction.Record, Decide(options, Violation(excluded: true)).Action);
    }
}
