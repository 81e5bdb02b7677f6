using Enforcer.Enforcement.Notifications;
using Enforcer.Enforcement.Remediation;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Tests.Notifications;

public sealed class LoggingAlertSinkTests
{
    private static readonly Alert Quarantine = new(
        "quarantine", "//storage.googleapis.com/acme-raw-data", "storage_buckets_require_object_versioning", "3 remediations in 1h; quarantined", Findings.At);

    [Fact]
    public async Task RaiseAsync_WithoutSlack_WritesOneErrorLineWithTheAlertFields()
    {
        var logger = new RecordingLogger<LoggingAlertSink>();

        await new LoggingAlertSink(logger).RaiseAsync(Quarantine, TestContext.Current.CancellationToken);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("quarantine", entry.Fields["Alert"]);
        Assert.Equal("//storage.googleapis.com/acme-raw-data", entry.Fields["ResourceName"]);
        Assert.Equal("storage_buckets_require_object_versioning", entry.Fields["PolicyId"]);
        Assert.Equal("2026-11-20T09:30:00.0000000+00:00", entry.Fields["AlertAt"]);
        Assert.Equal("3 remediations in 1h; quarantined", entry.Fields["AlertMessage"]);
    }

    [Fact]
    public async Task RaiseAsync_WithSlack_AlsoPostsTheAlert()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = new SlackWebhookClient(new HttpClient(), SlackFindingSinkTests.FastOptions(receiver.Url), TimeProvider.System, new RecordingLogger<SlackWebhookClient>());
        var logger = new RecordingLogger<LoggingAlertSink>();

        await new LoggingAlertSink(logger, client, new Uri("https://history.example/")).RaiseAsync(Quarantine, TestContext.Current.CancellationToken);

        Assert.Single(logger.Errors);
        var body = receiver.Body(0);
        Assert.Equal("Enforcer alert: quarantine", SlackFindingSinkTests.Header(body));
        var text = string.Join("\n", SlackFindingSinkTests.MrkdwnTexts(body));
        Assert.Contains("`//storage.googleapis.com/acme-raw-data`", text, StringComparison.Ordinal);
        Assert.Contains("3 remediations in 1h; quarantined", text, StringComparison.Ordinal);
        Assert.Contains("https://history.example/v1/violations?resource=", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_SlackDown_StillLogsTheAlertAndCompletes()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, c) => WebhookReceiver.Respond(c, 500));
        var slackLogger = new RecordingLogger<SlackWebhookClient>();
        var client = new SlackWebhookClient(new HttpClient(), SlackFindingSinkTests.FastOptions(receiver.Url), TimeProvider.System, slackLogger);
        var logger = new RecordingLogger<LoggingAlertSink>();

        await new LoggingAlertSink(logger, client).RaiseAsync(Quarantine, TestContext.Current.CancellationToken);

        Assert.Single(logger.Errors);
        Assert.Single(slackLogger.Errors);
        Assert.Equal(3, receiver.Requests);
    }
}
