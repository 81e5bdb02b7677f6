using Enforcer.Google.Errors;
using Enforcer.Google.PubSub;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Publishes every finding (compliant ones too) to the findings topic as <see cref="FindingJson"/>, with attributes
/// policy_id, severity, action, asset_type and compliant for subscription filters. Transient failures are retried a
/// bounded number of times; the last failure is logged, never thrown. Delivery is at least once: a retry after a
/// partly applied publish repeats messages, which subscribers drop by finding_id.
/// </summary>
public sealed class PubSubFindingSink(PubSubPublisher publisher, PubSubFindingSinkOptions options, TimeProvider timeProvider, ILogger<PubSubFindingSink> logger) : IFindingSink
{
    public async ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var messages = findings.Select(ToMessage).ToList();
        var backoff = options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AttemptTimeout);
            string failure;
            bool retryable;
            try
            {
                await publisher.PublishAsync(options.Topic, messages, timeout.Token).ConfigureAwait(false);
                return;
            }
            catch (GoogleApiException e)
            {
                (failure, retryable) = (e.Message, e.IsTransient);
            }
            catch (HttpRequestException e)
            {
                (failure, retryable) = ("network error: " + e.Message, true);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                (failure, retryable) = ($"no answer within {options.AttemptTimeout.TotalSeconds:0.###}s", true);
            }

            if (!retryable || attempt >= options.MaxAttempts)
            {
                logger.LogError(
                    "Publishing {FindingCount} finding(s) of event {EventId} to {FindingsTopic} failed after {PublishAttempts} attempt(s): {PublishFailure}",
                    findings.Count, findings[0].EventId, options.Topic, attempt, failure);
                return;
            }

            await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    private static PubSubMessage ToMessage(Finding finding)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["policy_id"] = finding.PolicyId,
            ["severity"] = finding.Severity,
            ["action"] = finding.Action,
            ["asset_type"] = finding.AssetType,
            ["compliant"] = finding.Compliant ? "true" : "false",
        };
        return new PubSubMessage(FindingJson.ToUtf8(finding), attributes);
    }
}
