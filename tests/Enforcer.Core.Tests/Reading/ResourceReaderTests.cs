using System.Text.Json;
using System.Text.Json.Nodes;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Tests.Fixtures;
using Enforcer.FakeGoogle;

namespace Enforcer.Core.Tests.Reading;

public class ResourceReaderTests : IAsyncLifetime
{
    private const string Bucket = "storage.googleapis.com/Bucket";
    private const string SqlInstance = "sqladmin.googleapis.com/Instance";
    private FakeGoogleServer _fake = null!;
    private HttpClient _http = null!;
    private ResourceReader _reader = null!;

    public static TheoryData<string> AllTypes => [.. ResourceCatalog.Default.Types.Select(t => t.AssetType)];

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeGoogleServer.StartAsync();
        _http = new HttpClient();
        _reader = new ResourceReader(_http, ResourceCatalog.Default, new ResourceReaderOptions { BaseUrls = _fake.BaseUrls });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public async Task ReadAsync_EveryCatalogType_FindsTheSeededResource(string assetType)
    {
        var type = ResourceCatalog.Default.Find(assetType)!;
        var ids = SampleIdentifiers.For(type);
        var body = new JsonObject { ["name"] = "seeded", ["marker"] = assetType };
        if (type.Readiness is { } rule)
        {
            body[rule.Field.Split('.')[0]] = rule.Field.Contains('.') ? new JsonObject { [rule.Field.Split('.')[1]] = rule.Ready[0] } : rule.Ready[0];
        }

        _fake.Seed(assetType, ids, body, type.IamRead is null ? null : new JsonObject { ["bindings"] = new JsonArray() });

        var outcome = await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken);

        var found = Assert.IsType<ResourceFound>(outcome);
        Assert.Equal(assetType, found.Resource.GetProperty("marker").GetString());
        Assert.Equal(type.IamRead is not null, found.Iam is not null);
        Assert.Equal(type.Readiness is null ? ReadinessState.NotApplicable : ReadinessState.Ready, found.Readiness);
        Assert.False(string.IsNullOrEmpty(found.Etag));
        var calls = _fake.Calls.Where(c => c.AssetType == assetType).Select(c => c.Operation).ToList();
        Assert.Equal(type.IamRead is null ? ["get"] : ["get", "getIamPolicy"], calls);
    }

    [Fact]
    public async Task ReadAsync_BucketFromAuditLog_ReturnsResourceIamAndPolicyInput()
    {
        _fake.Seed(Bucket, "//storage.googleapis.com/acme-logs", new JsonObject { ["name"] = "acme-logs", ["labels"] = new JsonObject { ["env"] = "prod" } },
            new JsonObject { ["bindings"] = new JsonArray(new JsonObject { ["role"] = "roles/storage.objectViewer", ["members"] = new JsonArray("allUsers") }) });
        var mapped = Assert.IsType<MappedEvent>(EventMapper.Default.Map(FixtureFiles.Payload("AuditLogs", "storage_bucket_setiampermissions")));
        var bucket = Assert.Single(mapped.Resources);

        var found = Assert.IsType<ResourceFound>(await _reader.ReadAsync(bucket, TestContext.Current.CancellationToken));

        Assert.Equal("CA1=", found.Etag);
        Assert.Equal("1", found.Resource.GetProperty("metageneration").GetString());
        using var input = JsonDocument.Parse(PolicyInput.Build(bucket, found));
        Assert.Equal(Bucket, input.RootElement.GetProperty("type").GetString());
        Assert.Equal("//storage.googleapis.com/acme-logs", input.RootElement.GetProperty("name").GetString());
        Assert.Equal("prod", input.RootElement.GetProperty("resource").GetProperty("labels").GetProperty("env").GetString());
        Assert.Equal("allUsers", input.RootElement.GetProperty("iam").GetProperty("bindings")[0].GetProperty("members")[0].GetString());
        Assert.Contains(_fake.Calls, c => c.Path == "storage/v1/b/acme-logs/iam" && c.Query.Contains("optionsRequestedPolicyVersion=3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_SqlInstancePendingCreate_IsNotReadyUntilRunnable()
    {
        var name = _fake.Seed(SqlInstance, "//cloudsql.googleapis.com/projects/my-project/instances/orders-db", new JsonObject { ["name"] = "orders-db", ["state"] = "RUNNABLE" });
        _fake.SetPending(SqlInstance, name, "PENDING_CREATE", readsUntilReady: 2);
        var type = ResourceCatalog.Default.Find(SqlInstance)!;
        var ids = type.ParseFullName(name)!;

        var first = await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken);
        var second = await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken);
        var third = await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken);

        var notReady = Assert.IsType<ResourceNotReady>(first);
        Assert.Equal(("state", "PENDING_CREATE"), (notReady.Field, notReady.Value));
        Assert.True(notReady.IsTransient);
        Assert.IsType<ResourceNotReady>(second);
        Assert.Equal(ReadinessState.Ready, Assert.IsType<ResourceFound>(third).Readiness);
    }

    [Fact]
    public async Task ReadAsync_GkeClusterInTerminalState_IsFoundAsTerminal()
    {
        var type = ResourceCatalog.Default.Find("container.googleapis.com/Cluster")!;
        var ids = SampleIdentifiers.For(type);
        _fake.Seed(type.AssetType, ids, new JsonObject { ["name"] = "c", ["status"] = "ERROR" });

        var found = Assert.IsType<ResourceFound>(await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken));

        Assert.Equal(ReadinessState.Terminal, found.Readiness);
        Assert.Equal("ERROR", found.ReadinessValue);
    }

    [Fact]
    public async Task ReadAsync_GkeNodePoolReconciling_IsNotReady()
    {
        var type = ResourceCatalog.Default.Find("container.googleapis.com/NodePool")!;
        var ids = SampleIdentifiers.For(type);
        _fake.Seed(type.AssetType, ids, new JsonObject { ["name"] = "np", ["status"] = "RECONCILING" });

        Assert.IsType<ResourceNotReady>(await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_Missing_IsGone()
    {
        var type = ResourceCatalog.Default.Find(Bucket)!;

        var outcome = await _reader.ReadAsync(type, new Dictionary<string, string> { ["bucket"] = "never-made" }, TestContext.Current.CancellationToken);

        Assert.False(Assert.IsType<ResourceGone>(outcome).IsTransient);
    }

    [Fact]
    public async Task ReadAsync_Forbidden_NamesThePermission()
    {
        var type = ResourceCatalog.Default.Find(SqlInstance)!;
        var ids = SampleIdentifiers.For(type);
        _fake.Seed(type.AssetType, ids, new JsonObject { ["state"] = "RUNNABLE" });
        _fake.InjectFault("/instances/", 403, body: GoogleErrors.PermissionDenied("cloudsql.instances.get"));

        var denied = Assert.IsType<ReadPermissionDenied>(await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken));

        Assert.Equal("cloudsql.instances.get", denied.Permission);
        Assert.False(denied.ServiceDisabled);
        Assert.Contains("cloudsql.instances.get", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ForbiddenWithoutDetails_FallsBackToTheCatalogPermission()
    {
        var type = ResourceCatalog.Default.Find("pubsub.googleapis.com/Topic")!;
        var ids = SampleIdentifiers.For(type);
        _fake.Seed(type.AssetType, ids, new JsonObject { ["name"] = "t" });
        _fake.InjectFault(":getIamPolicy", 403);

        var denied = Assert.IsType<ReadPermissionDenied>(await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken));

        Assert.Equal("pubsub.topics.getIamPolicy", denied.Permission);
        Assert.Equal("pubsub.googleapis.com", denied.Api);
    }

    [Fact]
    public async Task ReadAsync_ServiceDisabled_NamesTheApiToEnable()
    {
        var type = ResourceCatalog.Default.Find("redis.googleapis.com/Instance")!;
        var ids = SampleIdentifiers.For(type);
        _fake.InjectFault("redis.googleapis.com/", 403, body: GoogleErrors.ServiceDisabled("redis.googleapis.com"));

        var denied = Assert.IsType<ReadPermissionDenied>(await _reader.ReadAsync(type, ids, TestContext.Current.CancellationToken));

        Assert.True(denied.ServiceDisabled);
        Assert.Equal("redis.googleapis.com", denied.Api);
        Assert.Contains("gcloud services enable redis.googleapis.com", denied.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ReadAsync_RetryableStatus_IsTransient(int status)
    {
        var type = ResourceCatalog.Default.Find(Bucket)!;
        _fake.Seed(Bucket, "//storage.googleapis.com/b1", new JsonObject { ["name"] = "b1" });
        _fake.InjectFault("/b/b1", status);

        var first = await _reader.ReadAsync(type, new Dictionary<string, string> { ["bucket"] = "b1" }, TestContext.Current.CancellationToken);
        var second = await _reader.ReadAsync(type, new Dictionary<string, string> { ["bucket"] = "b1" }, TestContext.Current.CancellationToken);

        Assert.Equal(status, Assert.IsType<ReadTransientFailure>(first).Status);
        Assert.IsType<ResourceFound>(second);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public async Task ReadAsync_NonRetryableStatus_IsPermanent(int status)
    {
        var type = ResourceCatalog.Default.Find(Bucket)!;
        _fake.InjectFault("/b/b2", status);

        var outcome = await _reader.ReadAsync(type, new Dictionary<string, string> { ["bucket"] = "b2" }, TestContext.Current.CancellationToken);

        Assert.Equal(status, Assert.IsType<ReadPermanentFailure>(outcome).Status);
    }

    [Fact]
    public async Task ReadAsync_UnreachableHost_IsTransient()
    {
        // A port nothing listens on: connection refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var reader = new ResourceReader(_http, ResourceCatalog.Default, new ResourceReaderOptions
        {
            BaseUrls = new Dictionary<string, Uri> { ["storage.googleapis.com"] = new($"http://127.0.0.1:{port}/") },
        });

        var outcome = await reader.ReadAsync(ResourceCatalog.Default.Find(Bucket)!, new Dictionary<string, string> { ["bucket"] = "b" }, TestContext.Current.CancellationToken);

        Assert.IsType<ReadTransientFailure>(outcome);
    }

    [Fact]
    public async Task ReadAsync_MissingIdentifier_IsPermanent()
    {
        var outcome = await _reader.ReadAsync(ResourceCatalog.Default.Find(SqlInstance)!, new Dictionary<string, string> { ["instance"] = "i" }, TestContext.Current.CancellationToken);

        Assert.Contains("project", Assert.IsType<ReadPermanentFailure>(outcome).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownAssetType_IsPermanent()
    {
        var resource = new ResourceRef("composer.googleapis.com/Environment", "//x", new Dictionary<string, string>(), null, OperationKind.Update, false);

        Assert.IsType<ReadPermanentFailure>(await _reader.ReadAsync(resource, TestContext.Current.CancellationToken));
    }
}
