using System.Globalization;
using Enforcer.Enforcement.Remediation;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Production alerts: one ERROR log line whose fields (Alert, ResourceName, PolicyId, AlertAt, AlertMessage) a log-based
/// alert policy can match, and a Slack message when a webhook is configured. Slack failures are logged by the client
/// and never thrown.
/// </summary>
public sealed class LoggingAlertSink(ILogger<LoggingAlertSink> logger, SlackWebhookClient? slack = null, Uri? historyUrl = null) : IAlertSink
{
    public async ValueTask RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        logger.LogError(
            "Enforcer alert {Alert} on {ResourceName} for policy {PolicyId} at {AlertAt}: {AlertMessage}",
            alert.Kind, alert.ResourceName, alert.PolicyId, alert.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), alert.Message);
        if (slack is not null)
        {
            await slack.PostAsync(SlackMessages.ForAlert(alert, historyUrl), $"alert {alert.Kind} on {alert.ResourceName}", cancellationToken).ConfigureAwait(false);
        }
    }
}
