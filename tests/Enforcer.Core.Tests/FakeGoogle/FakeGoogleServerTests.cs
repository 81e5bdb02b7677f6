using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Enforcer.FakeGoogle;

namespace Enforcer.Core.Tests.FakeGoogle;

public class FakeGoogleServerTests : IAsyncLifetime
{
    private FakeGoogleServer _fake = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeGoogleServer.StartAsync();
        _http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Uri Url(string host, string path) => new(_fake.BaseUrlFor(host), path);

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, Uri url, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    [Fact]
    public async Task ComputeSetLabels_StaleFingerprint_Is412ConditionNotMet()
    {
        var name = _fake.Seed("compute.googleapis.com/Instance", "//compute.googleapis.com/projects/p/zones/us-central1-a/instances/vm", new JsonObject { ["labels"] = new JsonObject() });
        var url = Url("compute.googleapis.com", "compute/v1/projects/p/zones/us-central1-a/instances/vm/setLabels");

        var (status, error) = await SendAsync(HttpMethod.Post, url, new JsonObject { ["labels"] = new JsonObject { ["a"] = "b" }, ["labelFingerprint"] = "stale" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal("conditionNotMet", error["error"]!["errors"]![0]!["reason"]!.GetValue<string>());
        Assert.Empty(_fake.GetResource("compute.googleapis.com/Instance", name)!["labels"]!.AsObject());
    }

    [Fact]
    public async Task ComputeSetLabels_CurrentFingerprint_ReturnsOperationThatCompletes()
    {
        _fake.OperationPollsToComplete = 2;
        var name = _fake.Seed("compute.googleapis.com/Instance", "//compute.googleapis.com/projects/p/zones/us-central1-a/instances/vm", new JsonObject { ["labels"] = new JsonObject { ["old"] = "x" } });
        var fingerprint = _fake.GetResource("compute.googleapis.com/Instance", name)!["labelFingerprint"]!.GetValue<string>();
        var url = Url("compute.googleapis.com", "compute/v1/projects/p/zones/us-central1-a/instances/vm/setLabels");

        var (status, operation) = await SendAsync(HttpMethod.Post, url, new JsonObject { ["labels"] = new JsonObject { ["env"] = "prod" }, ["labelFingerprint"] = fingerprint });
        var selfLink = new Uri(operation["selfLink"]!.GetValue<string>());
        var poll1 = await SendAsync(HttpMethod.Get, selfLink);
        var poll2 = await SendAsync(HttpMethod.Get, selfLink);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("compute#operation", operation["kind"]!.GetValue<string>());
        Assert.Contains("/zones/us-central1-a/operations/", selfLink.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("RUNNING", poll1.Body["status"]!.GetValue<string>());
        Assert.Equal("DONE", poll2.Body["status"]!.GetValue<string>());
        var labels = _fake.GetResource("compute.googleapis.com/Instance", name)!["labels"]!.AsObject();
        Assert.Equal(["env"], labels.Select(kv => kv.Key));
        Assert.NotEqual(fingerprint, _fake.GetResource("compute.googleapis.com/Instance", name)!["labelFingerprint"]!.GetValue<string>());
    }

    [Fact]
    public async Task StoragePatch_StaleMetageneration_Is412()
    {
        _fake.Seed("storage.googleapis.com/Bucket", "//storage.googleapis.com/b", new JsonObject { ["versioning"] = new JsonObject { ["enabled"] = false } });

        var stale = await SendAsync(HttpMethod.Patch, Url("storage.googleapis.com", "storage/v1/b/b?ifMetagenerationMatch=7"), new JsonObject { ["versioning"] = new JsonObject { ["enabled"] = true } });
        var fresh = await SendAsync(HttpMethod.Patch, Url("storage.googleapis.com", "storage/v1/b/b?ifMetagenerationMatch=1"), new JsonObject { ["versioning"] = new JsonObject { ["enabled"] = true } });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.True(fresh.Body["versioning"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("2", fresh.Body["metageneration"]!.GetValue<string>());
    }

    [Fact]
    public async Task PubSubSetIamPolicy_StaleEtag_Is409AbortedAndFreshOneApplies()
    {
        var name = _fake.Seed("pubsub.googleapis.com/Topic", "//pubsub.googleapis.com/projects/p/topics/t", new JsonObject { ["name"] = "projects/p/topics/t" },
            new JsonObject { ["bindings"] = new JsonArray() });
        var etag = _fake.GetIamPolicy("pubsub.googleapis.com/Topic", name)!["etag"]!.GetValue<string>();
        var url = Url("pubsub.googleapis.com", "v1/projects/p/topics/t:setIamPolicy");
        JsonObject Policy(string e) => new() { ["policy"] = new JsonObject { ["etag"] = e, ["bindings"] = new JsonArray(new JsonObject { ["role"] = "roles/viewer", ["members"] = new JsonArray("user:a@example.com") }) } };

        var stale = await SendAsync(HttpMethod.Post, url, Policy("BwXstale="));
        var fresh = await SendAsync(HttpMethod.Post, url, Policy(etag));

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("ABORTED", stale.Body["error"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal("roles/viewer", _fake.GetIamPolicy("pubsub.googleapis.com/Topic", name)!["bindings"]![0]!["role"]!.GetValue<string>());
        Assert.NotEqual(etag, fresh.Body["etag"]!.GetValue<string>());
    }

    [Fact]
    public async Task GkeSetLegacyAbac_MergesIntoTargetField()
    {
        var name = _fake.Seed("container.googleapis.com/Cluster", "//container.googleapis.com/projects/p/locations/us-central1/clusters/c",
            new JsonObject { ["status"] = "RUNNING", ["legacyAbac"] = new JsonObject { ["enabled"] = true } });

        var (status, operation) = await SendAsync(HttpMethod.Post, Url("container.googleapis.com", "v1/projects/p/locations/us-central1/clusters/c:setLegacyAbac"),
            new JsonObject { ["name"] = "projects/p/locations/us-central1/clusters/c", ["enabled"] = false });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("RUNNING", operation["status"]!.GetValue<string>());
        Assert.False(_fake.GetResource("container.googleapis.com/Cluster", name)!["legacyAbac"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RedisPatch_ReturnsLongRunningOperationDoneAfterPolls()
    {
        _fake.OperationPollsToComplete = 3;
        _fake.Seed("redis.googleapis.com/Instance", "//redis.googleapis.com/projects/p/locations/us-central1/instances/r", new JsonObject { ["state"] = "READY", ["authEnabled"] = false });

        var (_, operation) = await SendAsync(HttpMethod.Patch, Url("redis.googleapis.com", "v1/projects/p/locations/us-central1/instances/r?updateMask=authEnabled"), new JsonObject { ["authEnabled"] = true });
        var opUrl = Url("redis.googleapis.com", "v1/" + operation["name"]!.GetValue<string>());
        var polls = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            polls.Add((await SendAsync(HttpMethod.Get, opUrl)).Body["done"]!.GetValue<bool>());
        }

        Assert.Equal([false, false, true], polls);
        Assert.StartsWith("projects/p/locations/us-central1/operations/", operation["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ThenGet_Is404()
    {
        var name = _fake.Seed("pubsub.googleapis.com/Subscription", "//pubsub.googleapis.com/projects/p/subscriptions/s", new JsonObject { ["name"] = "projects/p/subscriptions/s" });

        var deleted = await SendAsync(HttpMethod.Delete, Url("pubsub.googleapis.com", "v1/projects/p/subscriptions/s"));
        var get = await SendAsync(HttpMethod.Get, Url("pubsub.googleapis.com", "v1/projects/p/subscriptions/s"));

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Null(_fake.GetResource("pubsub.googleapis.com/Subscription", name));
    }

    [Fact]
    public async Task PubSubPatch_WrappedResourceWithUpdateMask_Unwraps()
    {
        var name = _fake.Seed("pubsub.googleapis.com/Subscription", "//pubsub.googleapis.com/projects/p/subscriptions/s", new JsonObject { ["ackDeadlineSeconds"] = 10 });

        await SendAsync(HttpMethod.Patch, Url("pubsub.googleapis.com", "v1/projects/p/subscriptions/s"),
            new JsonObject { ["subscription"] = new JsonObject { ["ackDeadlineSeconds"] = 60 }, ["updateMask"] = "ackDeadlineSeconds" });

        var stored = _fake.GetResource("pubsub.googleapis.com/Subscription", name)!;
        Assert.Equal(60, stored["ackDeadlineSeconds"]!.GetValue<int>());
        Assert.False(stored.ContainsKey("subscription"));
    }

    [Fact]
    public async Task InjectFault_AppliesToTheNextCallsOnly()
    {
        _fake.Seed("storage.googleapis.com/Bucket", "//storage.googleapis.com/b", new JsonObject());
        _fake.InjectFault("storage/v1/b/b", 503, times: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Get, Url("storage.googleapis.com", "storage/v1/b/b"))).Status);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(["fault", "fault", "get"], _fake.Calls.Select(c => c.Operation));
    }

    [Fact]
    public async Task MethodNotInAllowlist_IsUnrouted()
    {
        _fake.Seed("compute.googleapis.com/Route", "//compute.googleapis.com/projects/p/global/routes/r", new JsonObject());

        var (status, _) = await SendAsync(HttpMethod.Patch, Url("compute.googleapis.com", "compute/v1/projects/p/global/routes/r"), new JsonObject { ["priority"] = 1 });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("unrouted", Assert.Single(_fake.Calls).Operation);
    }

    [Fact]
    public async Task Calls_RecordsTheWriteOnce()
    {
        _fake.Seed("sqladmin.googleapis.com/Instance", "//cloudsql.googleapis.com/projects/p/instances/db", new JsonObject { ["state"] = "RUNNABLE" });

        await SendAsync(HttpMethod.Patch, Url("sqladmin.googleapis.com", "sql/v1beta4/projects/p/instances/db"), new JsonObject { ["settings"] = new JsonObject { ["ipConfiguration"] = new JsonObject { ["requireSsl"] = true } } });

        var call = Assert.Single(_fake.Calls, c => c.Operation == "patch");
        Assert.Equal("sqladmin.googleapis.com/Instance", call.AssetType);
        Assert.Equal(200, call.Status);
        Assert.Contains("requireSsl", call.Body, StringComparison.Ordinal);
    }
}
