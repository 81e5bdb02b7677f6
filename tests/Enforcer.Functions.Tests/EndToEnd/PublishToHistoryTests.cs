using System.Net;
using System.Text;
using System.Text.Json;
using Enforcer.Google.PubSub;
using Enforcer.TestSupport;

namespace Enforcer.Functions.Tests.EndToEnd;

/// <summary>
/// End to end over the real emulators: an audit-log entry published to a Pub/Sub topic is pushed to the running
/// Evaluate host, which reads the bucket from the fake Google API, evaluates it and records it in Firestore; History
/// serves the evaluated event.
/// </summary>
public sealed class PublishToHistoryTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task PublishedAuditEntry_IsPushedToEvaluate_RecordedInFirestore_AndServedByHistory()
    {
        emulators.RequireEmulators();
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = EmulatorFixture.NewProjectId();
        await using var google = new GoogleStandIn();
        await google.InitializeAsync();
        var environment = new Dictionary<string, string>(emulators.EnvironmentFor(project))
        {
            ["ENFORCER_STORE"] = "firestore",
            ["ENFORCER_GOOGLE_API_ROOT"] = google.ApiRoot,
        };

        await using var evaluate = await HostProcess.StartAsync("Evaluate", new Dictionary<string, string>(environment) { ["K_SERVICE"] = "evaluate" }, cancellationToken);
        // History outside Cloud Run refuses to start without an explicit caller-check choice; this test reads it openly.
        await using var history = await HostProcess.StartAsync("History", new Dictionary<string, string>(environment) { ["ENFORCER_HISTORY_AUTH"] = "none" }, cancellationToken);

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
            // Recorded first, then evaluated: wait until the bucket has been read and judged.
            if (events.GetArrayLength() > 0 && events[0].GetProperty("outcome").GetString() == "evaluated")
            {
                recorded = events[0].Clone();
            }
            else
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        Assert.True(recorded.ValueKind == JsonValueKind.Object, "the event was never evaluated and served by History; evaluate output:\n" + string.Join('\n', evaluate.OutputLines));
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
