using System.Text.Json;
using Enforcer.Enforcement.Notifications;
using Enforcer.Google.PubSub;
using Enforcer.TestSupport;

namespace Enforcer.Enforcement.Tests.Notifications;

public sealed class PubSubFindingSinkTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task PublishAsync_EveryFinding_ReachesTheTopicAsJsonWithAttributes()
    {
        emulators.RequirePubSub();
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = EmulatorFixture.NewProjectId();
        var admin = emulators.CreatePubSubAdmin(project);
        await admin.CreateTopicAsync("findings", cancellationToken);
        await admin.CreatePullSubscriptionAsync("findings-reader", "findings", cancellationToken: cancellationToken);
        var logger = new RecordingLogger<PubSubFindingSink>();
        var sink = new PubSubFindingSink(emulators.CreatePubSubPublisher(project), new PubSubFindingSinkOptions($"projects/{project}/topics/findings"), TimeProvider.System, logger);
        var violation = Findings.Violation();
        var compliant = Findings.Compliant() with { PolicyId = "storage_buckets_block_public_access", Severity = "CRITICAL", ProjectId = null, Principal = null };

        await sink.PublishAsync([violation, compliant], cancellationToken);

        var messages = await PullAsync(admin, "findings-reader", 2, cancellationToken);
        Assert.Empty(logger.Errors);
        var byPolicy = messages.ToDictionary(m => m.Attributes["policy_id"]);

        var first = byPolicy[violation.PolicyId];
        Assert.Equal("HIGH", first.Attributes["severity"]);
        Assert.Equal("remediate", first.Attributes["action"]);
        Assert.Equal("storage.googleapis.com/Bucket", first.Attributes["asset_type"]);
        Assert.Equal("false", first.Attributes["compliant"]);
        var json = JsonDocument.Parse(first.DataAsText()).RootElement;
        Assert.Equal(1, json.GetProperty("schema_version").GetInt32());
        Assert.Equal(FindingJson.FindingId(violation), json.GetProperty("finding_id").GetString());
        Assert.Equal("evt-42", json.GetProperty("event_id").GetString());
        Assert.Equal("2026-11-20T09:30:00.000Z", json.GetProperty("evaluated_at").GetString());
        Assert.Equal("//storage.googleapis.com/acme-raw-data", json.GetProperty("resource_name").GetString());
        Assert.Equal("acme-prod", json.GetProperty("project_id").GetString());
        Assert.Equal("Buckets keep object versions", json.GetProperty("title").GetString());
        Assert.False(json.GetProperty("compliant").GetBoolean());
        Assert.True(json.GetProperty("violation").GetBoolean());
        Assert.Equal(["mode is enforce and HIGH is at or above the threshold", "no exception applies"], json.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("req-7", json.GetProperty("remediation_request_id").GetString());
        Assert.Equal("alice@example.com", json.GetProperty("principal").GetString());

        var second = byPolicy["storage_buckets_block_public_access"];
        Assert.Equal("true", second.Attributes["compliant"]);
        Assert.Equal("CRITICAL", second.Attributes["severity"]);
        var secondJson = JsonDocument.Parse(second.DataAsText()).RootElement;
        Assert.False(secondJson.GetProperty("violation").GetBoolean());
        Assert.Equal(JsonValueKind.Null, secondJson.GetProperty("project_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, secondJson.GetProperty("principal").ValueKind);
    }

    [Fact]
    public async Task PublishAsync_TopicMissing_LogsOnceWithoutRetryingOrThrowing()
    {
        emulators.RequirePubSub();
        var project = EmulatorFixture.NewProjectId();
        var logger = new RecordingLogger<PubSubFindingSink>();
        var sink = new PubSubFindingSink(emulators.CreatePubSubPublisher(project), new PubSubFindingSinkOptions("no-such-topic"), TimeProvider.System, logger);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        var error = Assert.Single(logger.Errors);
        Assert.Equal(1, error.Fields["PublishAttempts"]);
        Assert.Contains("NOT_FOUND", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_PubSubUnreachable_RetriesBoundedThenLogs()
    {
        // Port 9 (discard) on loopback has no listener: every attempt is a network error.
        var options = new PubSubClientOptions { ProjectId = "p", Endpoint = new Uri("http://127.0.0.1:9/"), IsEmulator = true };
        var logger = new RecordingLogger<PubSubFindingSink>();
        var sink = new PubSubFindingSink(
            new PubSubPublisher(new HttpClient { BaseAddress = options.Endpoint }, options),
            new PubSubFindingSinkOptions("findings") { InitialBackoff = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(2) },
            TimeProvider.System,
            logger);

        await sink.PublishAsync([Findings.Violation()], TestContext.Current.CancellationToken);

        var error = Assert.Single(logger.Errors);
        Assert.Equal(3, error.Fields["PublishAttempts"]);
        Assert.Equal("evt-42", error.Fields["EventId"]);
    }

    private static async Task<IReadOnlyList<PubSubReceivedMessage>> PullAsync(PubSubAdminClient admin, string subscription, int expected, CancellationToken cancellationToken)
    {
        var received = new List<PubSubReceivedMessage>();
        for (var attempt = 0; attempt < 100 && received.Count < expected; attempt++)
        {
            var batch = await admin.PullAsync(subscription, cancellationToken: cancellationToken);
            received.AddRange(batch);
            await admin.AcknowledgeAsync(subscription, batch.Select(m => m.AckId), cancellationToken);
            if (received.Count < expected)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        Assert.Equal(expected, received.Count);
        return received;
    }
}
