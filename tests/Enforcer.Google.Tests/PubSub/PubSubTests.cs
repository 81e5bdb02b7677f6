using System.Net;
using System.Text;
using System.Text.Json;
using Enforcer.Google.Errors;
using Enforcer.Google.PubSub;
using Enforcer.TestSupport;

namespace Enforcer.Google.Tests.PubSub;

public class PubSubTests(EmulatorFixture emulators)
{
    private readonly string _project = EmulatorFixture.NewProjectId();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<PubSubReceivedMessage>> PullAtLeastAsync(PubSubAdminClient admin, string subscription, int count)
    {
        var received = new List<PubSubReceivedMessage>();
        for (var attempt = 0; attempt < 50 && received.Count < count; attempt++)
        {
            received.AddRange(await admin.PullAsync(subscription, 100, cancellationToken: Ct));
            if (received.Count < count)
            {
                await Task.Delay(100, Ct);
            }
        }

        return received;
    }

    [Fact]
    public async Task PublishAsync_ThenPull_RoundTripsDataAndAttributes()
    {
        var admin = emulators.CreatePubSubAdmin(_project);
        var publisher = emulators.CreatePubSubPublisher(_project);
        Assert.True(await admin.CreateTopicAsync("events", Ct));
        Assert.True(await admin.CreatePullSubscriptionAsync("events-pull", "events", cancellationToken: Ct));
        var payload = new byte[] { 0, 1, 2, 250, 255 };

        var id = await publisher.PublishAsync("events", new PubSubMessage(payload, new Dictionary<string, string> { ["kind"] = "audit", ["trace"] = "t-1" }), Ct);
        var received = await PullAtLeastAsync(admin, "events-pull", 1);

        var message = Assert.Single(received);
        Assert.Equal(id, message.MessageId);
        Assert.Equal(payload, message.Data.ToArray());
        Assert.Equal("audit", message.Attributes["kind"]);
        Assert.Equal("t-1", message.Attributes["trace"]);
        Assert.NotNull(message.PublishTime);
        await admin.AcknowledgeAsync("events-pull", [message.AckId], Ct);
    }

    [Fact]
    public async Task PublishAsync_Batch_ReturnsOneIdPerMessageInOrder()
    {
        var admin = emulators.CreatePubSubAdmin(_project);
        var publisher = emulators.CreatePubSubPublisher(_project);
        await admin.CreateTopicAsync("batch", Ct);
        await admin.CreatePullSubscriptionAsync("batch-pull", "batch", cancellationToken: Ct);
        var messages = Enumerable.Range(0, 25).Select(i => PubSubMessage.FromText($"{{\"n\":{i}}}")).ToArray();

        var ids = await publisher.PublishAsync("batch", messages, Ct);
        var received = await PullAtLeastAsync(admin, "batch-pull", 25);

        Assert.Equal(25, ids.Count);
        Assert.Equal(25, ids.Distinct().Count());
        var byId = received.ToDictionary(m => m.MessageId, m => m.DataAsText());
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal($"{{\"n\":{i}}}", byId[ids[i]]);
        }
    }

    [Fact]
    public async Task AcknowledgeAsync_AckedMessages_AreNotRedelivered()
    {
        var admin = emulators.CreatePubSubAdmin(_project);
        var publisher = emulators.CreatePubSubPublisher(_project);
        await admin.CreateTopicAsync("acks", Ct);
        await admin.CreatePullSubscriptionAsync("acks-pull", "acks", ackDeadlineSeconds: 10, cancellationToken: Ct);
        await publisher.PublishAsync("acks", PubSubMessage.FromText("once"), Ct);

        var first = await PullAtLeastAsync(admin, "acks-pull", 1);
        await admin.AcknowledgeAsync("acks-pull", first.Select(m => m.AckId), Ct);
        var again = await admin.PullAsync("acks-pull", 10, cancellationToken: Ct);

        Assert.Single(first);
        Assert.Empty(again);
    }

    [Fact]
    public async Task CreateAndDelete_Existing_ReturnFalseNotErrors()
    {
        var admin = emulators.CreatePubSubAdmin(_project);

        Assert.True(await admin.CreateTopicAsync("dup", Ct));
        Assert.False(await admin.CreateTopicAsync("dup", Ct));
        Assert.True(await admin.CreatePullSubscriptionAsync("dup-sub", "dup", cancellationToken: Ct));
        Assert.False(await admin.CreatePullSubscriptionAsync("dup-sub", "dup", cancellationToken: Ct));
        Assert.True(await admin.DeleteSubscriptionAsync("dup-sub", Ct));
        Assert.False(await admin.DeleteSubscriptionAsync("dup-sub", Ct));
        Assert.True(await admin.DeleteTopicAsync("dup", Ct));
        Assert.False(await admin.DeleteTopicAsync("dup", Ct));
    }

    [Fact]
    public async Task PublishAsync_MissingTopic_ThrowsPermanentNotFound()
    {
        var publisher = emulators.CreatePubSubPublisher(_project);

        var error = await Assert.ThrowsAsync<GoogleApiException>(() => publisher.PublishAsync("no-such-topic", PubSubMessage.FromText("x"), Ct));

        Assert.Equal("NOT_FOUND", error.Status);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task CreatePushSubscriptionAsync_DeliversPushBodyToEndpoint()
    {
        var admin = emulators.CreatePubSubAdmin(_project);
        var publisher = emulators.CreatePubSubPublisher(_project);
        var port = LocalHost.FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/push/");
        listener.Start();
        await admin.CreateTopicAsync("pushed", Ct);
        await admin.CreatePushSubscriptionAsync("pushed-sub", "pushed", new Uri($"http://127.0.0.1:{port}/push/"), cancellationToken: Ct);

        var id = await publisher.PublishAsync("pushed", PubSubMessage.FromText("{\"hello\":1}", new Dictionary<string, string> { ["a"] = "b" }), Ct);
        var context = await listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(Ct);
        }

        context.Response.StatusCode = 204;
        context.Response.Close();

        Assert.Equal("POST", context.Request.HttpMethod);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var message = root.GetProperty("message");
        Assert.Equal($"projects/{_project}/subscriptions/pushed-sub", root.GetProperty("subscription").GetString());
        Assert.Equal("{\"hello\":1}", Encoding.UTF8.GetString(message.GetProperty("data").GetBytesFromBase64()));
        Assert.Equal("b", message.GetProperty("attributes").GetProperty("a").GetString());
        Assert.Equal(id, message.GetProperty("messageId").GetString());
        Assert.True(message.TryGetProperty("publishTime", out var publishTime) && publishTime.GetString()!.EndsWith('Z'));
    }
}
