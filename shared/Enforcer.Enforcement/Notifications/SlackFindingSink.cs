using Enforcer.Policies;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Posts one Slack message per event for its violations at or above <paramref name="threshold"/>
/// (ENFORCER_SLACK_SEVERITY). Compliant, excluded and resolved findings are not announced.
/// </summary>
public sealed class SlackFindingSink(SlackWebhookClient client, PolicySeverity threshold, Uri? historyUrl) : IFindingSink
{
    public PolicySeverity Threshold => threshold;

    public async ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var violations = findings
            .Where(f => f.IsViolation && SeverityOf(f) >= threshold)
            .OrderByDescending(SeverityOf)
            .ToList();
        if (violations.Count == 0)
        {
            return;
        }

        var subject = $"{violations.Count} violation(s) of event {violations[0].EventId}";
        await client.PostAsync(SlackMessages.ForFindings(violations, historyUrl), subject, cancellationToken).ConfigureAwait(false);
    }

    // An unknown severity label is announced rather than hidden: better a message too many than a silent miss.
    private static PolicySeverity SeverityOf(Finding finding) =>
        PolicyJson.TryParseSeverity(finding.Severity.ToUpperInvariant(), out var severity) ? severity : PolicySeverity.Critical;
}
