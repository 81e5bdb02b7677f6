using System.Diagnostics;
using System.Text.Json;
using Enforcer.Enforcement.Notifications;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Tests.Notifications;

public sealed class SlackFindingSinkTests
{
    private static readonly Uri HistoryUrl = new("https://history.example.run.app/");

    [Fact]
    public async Task PublishAsync_HighViolation_PostsResourcePolicySeverityDecisionAndLinks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Equal(1, receiver.Requests);
        Assert.Empty(logger.Errors);
        var body = receiver.Body(0);
        Assert.Contains("storage_buckets_require_object_versioning", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        var text = string.Join("\n", MrkdwnTexts(body));
        Assert.Contains("`//storage.googleapis.com/acme-raw-data`", text, StringComparison.Ordinal);
        Assert.Contains("storage_buckets_require_object_versioning\nBuckets keep object versions", text, StringComparison.Ordinal);
        Assert.Contains("*Severity*\nHIGH", text, StringComparison.Ordinal);
        Assert.Contains("*Decision*\n*remediate*\nmode is enforce and HIGH is at or above the threshold", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no exception applies", text, StringComparison.Ordinal);
        Assert.Contains("<https://console.cloud.google.com/home/dashboard?project=acme-prod|Project acme-prod in Cloud Console>", text, StringComparison.Ordinal);
        Assert.Contains("<https://history.example.run.app/v1/violations?resource=%2F%2Fstorage.googleapis.com%2Facme-raw-data|History>", text, StringComparison.Ordinal);
        // Slack's control characters in policy output are escaped, not interpreted.
        Assert.Contains("versioning &lt;disabled&gt; &amp; no retention", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LOW", "HIGH", false)]
    [InlineData("MEDIUM", "HIGH", false)]
    [InlineData("HIGH", "HIGH", true)]
    [InlineData("CRITICAL", "HIGH", true)]
    [InlineData("MEDIUM", "MEDIUM", true)]
    [InlineData("LOW", "CRITICAL", false)]
    [InlineData("high", "HIGH", true)]
    public async Task PublishAsync_SeverityAgainstThreshold_PostsOnlyAtOrAbove(string severity, string threshold, bool posted)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Assert.True(PolicyJson.TryParseSeverity(threshold, out var level));
        var (sink, _) = Create(receiver.Url, level);

        await sink.PublishAsync([Findings.Violation(severity)], TestContext.Current.CancellationToken);

        Assert.Equal(posted ? 1 : 0, receiver.Requests);
    }

    [Fact]
    public async Task PublishAsync_CompliantExcludedOrResolved_PostsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (sink, _) = Create(receiver.Url, PolicySeverity.Low);

        await sink.PublishAsync(
            [Findings.Compliant(), Findings.Violation() with { Excluded = true }, Findings.Violation() with { Action = "resolved" }],
            TestContext.Current.CancellationToken);

        Assert.Equal(0, receiver.Requests);
    }

    [Fact]
    public async Task PublishAsync_SeveralViolations_OneMessageMostSevereFirst()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (sink, _) = Create(receiver.Url, PolicySeverity.Medium);

        await sink.PublishAsync(
            [Findings.Violation("MEDIUM", "policy_medium"), Findings.Violation("LOW", "policy_low"), Findings.Violation("CRITICAL", "policy_critical")],
            TestContext.Current.CancellationToken);

        Assert.Equal(1, receiver.Requests);
        var text = string.Join("\n", MrkdwnTexts(receiver.Body(0)));
        Assert.DoesNotContain("policy_low", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("policy_critical", StringComparison.Ordinal) < text.IndexOf("policy_medium", StringComparison.Ordinal));
        Assert.Equal("2 policy violations", Header(receiver.Body(0)));
    }

    [Fact]
    public async Task PublishAsync_MoreViolationsThanAMessageHolds_CountsTheRest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (sink, _) = Create(receiver.Url, PolicySeverity.Low);
        var findings = Enumerable.Range(0, SlackMessages.MaxFindingsPerMessage + 3).Select(i => Findings.Violation(policyId: $"policy_{i}")).ToList();

        await sink.PublishAsync(findings, TestContext.Current.CancellationToken);

        var body = receiver.Body(0);
        Assert.True(body.GetProperty("blocks").GetArrayLength() <= 50);
        Assert.Contains("…and 3 more in the same event", string.Join("\n", MrkdwnTexts(body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_ServerErrorThenSuccess_RetriesAndDelivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync((n, c) => n == 1 ? WebhookReceiver.Respond(c, 500, "internal_error") : WebhookReceiver.Respond(c, 200, "ok"));
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Equal(2, receiver.Requests);
        Assert.Equal(receiver.Bodies[0], receiver.Bodies[1]);
        Assert.Empty(logger.Errors);
    }

    [Fact]
    public async Task PublishAsync_PermanentServerError_RetriesBoundedLogsAndCompletes()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, c) => WebhookReceiver.Respond(c, 503, "service_unavailable"));
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Equal(3, receiver.Requests);
        var error = Assert.Single(logger.Errors);
        Assert.Contains("HTTP 503 service_unavailable", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Fields["SlackAttempts"]);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "invalid_payload")]
    [InlineData(403, "invalid_token")]
    [InlineData(404, "channel_not_found")]
    [InlineData(410, "channel_is_archived")]
    public async Task PublishAsync_ClientError_IsNotRetried(int status, string reason)
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, c) => WebhookReceiver.Respond(c, status, reason));
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Equal(1, receiver.Requests);
        Assert.Contains(reason, Assert.Single(logger.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_TooManyRequestsWithRetryAfter_WaitsAsAskedThenDelivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync((n, c) => n == 1 ? WebhookReceiver.Respond(c, 429, "rate_limited", retryAfter: "1") : WebhookReceiver.Respond(c, 200, "ok"));
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High);
        var clock = Stopwatch.StartNew();

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Equal(2, receiver.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the Retry-After of 1 s");
        Assert.Empty(logger.Errors);
    }

    [Fact]
    public async Task PublishAsync_RetryAfterBeyondBound_GivesUpWithoutWaiting()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, c) => WebhookReceiver.Respond(c, 429, "rate_limited", retryAfter: "3600"));
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        Assert.Equal(1, receiver.Requests);
        Assert.Contains("beyond the", Assert.Single(logger.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_ReceiverNeverAnswers_EachAttemptTimesOut()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (_, c) => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
        var (sink, logger) = Create(receiver.Url, PolicySeverity.High, attemptTimeout: TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        // Three attempts of 300 ms plus two short backoffs: far below the receiver's 30 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(3, receiver.Requests);
        Assert.Contains("no answer within 0.3s", Assert.Single(logger.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_NothingListening_LogsNetworkErrorAndCompletes()
    {
        Uri closed;
        await using (var receiver = await WebhookReceiver.StartAsync())
        {
            closed = receiver.Url;
        }

        var (sink, logger) = Create(closed, PolicySeverity.High);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        var error = Assert.Single(logger.Errors);
        Assert.Contains("network error", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Fields["SlackAttempts"]);
    }

    internal static (SlackFindingSink Sink, RecordingLogger<SlackWebhookClient> Logger) Create(Uri webhook, PolicySeverity threshold, TimeSpan? attemptTimeout = null)
    {
        var logger = new RecordingLogger<SlackWebhookClient>();
        var client = new SlackWebhookClient(new HttpClient(), FastOptions(webhook, attemptTimeout), TimeProvider.System, logger);
        return (new SlackFindingSink(client, threshold, HistoryUrl), logger);
    }

    /// <summary>
    /// Short backoffs. The attempt timeout is generous unless a test is about timeouts: a loaded CI machine can take
    /// longer than a fraction of a second to answer the first request, and a timed-out attempt would be retried,
    /// changing the request count a test asserts.
    /// </summary>
    internal static SlackWebhookOptions FastOptions(Uri webhook, TimeSpan? attemptTimeout = null) => new(webhook)
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
    };

    internal static IEnumerable<string> MrkdwnTexts(JsonElement body)
    {
        foreach (var block in body.GetProperty("blocks").EnumerateArray())
        {
            if (block.TryGetProperty("text", out var text) && text.GetProperty("type").GetString() == "mrkdwn")
            {
                yield return text.GetProperty("text").GetString()!;
            }

            foreach (var name in new[] { "fields", "elements" })
            {
                if (block.TryGetProperty(name, out var items))
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        yield return item.GetProperty("text").GetString()!;
                    }
                }
            }
        }
    }

    internal static string? Header(JsonElement body) =>
        body.GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("type").GetString() == "header").GetProperty("text").GetProperty("text").GetString();
}
