using System.Net;
using System.Text;
using System.Text.Json;
using Enforcer.Google.PubSub;
using Enforcer.TestSupport;

namespace Enforcer.Functions.Tests.EndToEnd;

/// <summary>
/// The walking skeleton end to end over the real emulators: an audit-log entry published to a Pub/Sub
/// topic is pushed to the running Evaluate host, recorded in Firestore, and read back from History.
/// </summary>
public sealed class PublishToHistoryTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task PublishedAuditEntry_IsPushedToEvaluate_RecordedInFirestore_AndServedByHistory()
    {
        emulators.RequireEmulators();
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = EmulatorFixture.NewProjectId();
        var environment = new Dictionary<string, string>(emulators.EnvironmentFor(project))
        {
            ["ENFORCER_STORE"] = "firestore",
        };

        await using var evaluate = await HostProcess.StartAsync("Evaluate", new Dictionary<string, string>(environment) { ["K_SERVICE"] = "evaluate" }, cancellationToken);
        await using var history = await HostProcess.StartAsync("History", environment, cancellationToken);

        var admin = emulators.CreatePubSubAdmin(project);
        await admin.CreateTopicAsync("audit-events", cancellationToken);
        await admin.CreatePushSubscriptionAsync("audit-to-evaluate", "audit-events", evaluate.BaseAddress, cancellationToken: cancellationToken);
        var entry = Fixture.Read("bucket-create.logentry.json").Replace("1x2y3z4w5v6u", "e2e-" + project, StringComparison.Ordinal);
        var messageId = await emulators.CreatePubSubPublisher(project).PublishAsync("audit-events", new PubSubMessage(Encoding.UTF8.GetBytes(entry)), cancellationToken);

        using var client = new HttpClient { BaseAddress = history.BaseAddress };
        var url = new Uri("v1/events?resource=" + Uri.EscapeDataString("//storage.googleapis.com/acme-raw-data"), UriKind.Relative);
        JsonElement recorded = default;
        for (var attempt = 0; attempt < 150 && recorded.ValueKind == JsonValueKind.Undefined; attempt++)
        {
            using var response = await client.GetAsync(url, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var events = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("events");
            if (events.GetArrayLength() > 0)
            {
                recorded = events[0].Clone();
            }
            else
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        Assert.True(recorded.ValueKind == JsonValueKind.Object, "the event never reached History; evaluate output:\n" + string.Join('\n', evaluate.OutputLines));
        Assert.Equal("e2e-" + project, recorded.GetProperty("insert_id").GetString());
        Assert.Equal(messageId, recorded.GetProperty("delivery_id").GetString());
        Assert.Equal("storage.buckets.create", recorded.GetProperty("method_name").GetString());
        Assert.Equal("alice@example.com", recorded.GetProperty("principal").GetString());
        var resource = Assert.Single(recorded.GetProperty("resources").EnumerateArray());
        Assert.Equal("storage.googleapis.com/Bucket", resource.GetProperty("asset_type").GetString());
        Assert.Equal("create", resource.GetProperty("operation").GetString());

        // On Cloud Run (K_SERVICE set) the host logs JSON lines Cloud Logging can parse.
        var delivered = evaluate.OutputLines.Select(TryParse).Where(j => j?.GetProperty("message").GetString()?.Contains(messageId, StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(delivered);
        Assert.Equal("INFO", delivered[0]!.Value.GetProperty("severity").GetString());
    }

    private static JsonElement? TryParse(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
