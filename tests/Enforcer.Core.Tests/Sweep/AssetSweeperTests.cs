using System.Text.Json;
using System.Text.Json.Nodes;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Reading;
using Enforcer.Core.Requests;
using Enforcer.Core.Resources;
using Enforcer.Core.Sweep;
using Enforcer.FakeGoogle;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Core.Tests.Sweep;

public class AssetSweeperTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 14, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEvaluationRequestPublisher _publisher = new();
    private FakeGoogleServer _fake = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeGoogleServer.StartAsync(time: _time);
        _http = new HttpClient();
        _fake.SetProjectAncestry("proj-a", "folders/111", "organizations/123456789012");
        _fake.SetProjectAncestry("proj-b", "organizations/123456789012");
        for (var i = 0; i < 7; i++)
        {
            _fake.Seed("compute.googleapis.com/Firewall", $"//compute.googleapis.com/projects/proj-a/global/firewalls/fw-{i}", new JsonObject { ["name"] = $"fw-{i}" });
        }

        _fake.Seed("storage.googleapis.com/Bucket", new Dictionary<string, string> { ["bucket"] = "bucket-b", ["project"] = "proj-b" }, new JsonObject { ["name"] = "bucket-b" });
        _fake.Seed("sqladmin.googleapis.com/Instance", "//cloudsql.googleapis.com/projects/proj-b/instances/db", new JsonObject { ["state"] = "RUNNABLE" });
        _fake.Seed("sqladmin.googleapis.com/User", "//cloudsql.googleapis.com/projects/proj-b/instances/db/users/app", new JsonObject { ["name"] = "app" });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private AssetSweeper Sweeper(int pageSize = 500, int maxPages = 10) => new(_http, ResourceCatalog.Default, _publisher, _time, new SweepOptions
    {
        CloudAssetBaseUrl = _fake.BaseUrlFor(FakeGoogleServer.CloudAssetHost),
        PageSize = pageSize,
        MaxPagesPerRun = maxPages,
    });

    [Fact]
    public async Task RunAsync_Organization_PublishesOneRequestPerListableResource()
    {
        var outcome = await Sweeper().RunAsync(new SweepRequest { Scope = "organizations/123456789012" }, TestContext.Current.CancellationToken);

        Assert.True(outcome.Completed);
        Assert.Equal(9, outcome.Published);
        Assert.Equal(9, _publisher.Published.Count);
        Assert.DoesNotContain(_publisher.Published, r => r.AssetType == "sqladmin.googleapis.com/User");
        Assert.All(_publisher.Published, r => Assert.Equal("sweep", r.Metadata!.Src));
        var bucket = Assert.Single(_publisher.Published, r => r.AssetType == "storage.googleapis.com/Bucket");
        Assert.Equal("//storage.googleapis.com/bucket-b", bucket.Name);
        Assert.Equal("proj-b", bucket.ProjectId);
        var list = Assert.Single(_fake.Calls, c => c.Operation == "assets.list");
        Assert.Contains("assetTypes=storage.googleapis.com%2FBucket", list.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("sqladmin.googleapis.com%2FUser", list.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PublishedRequests_MapBackToTheSameResources()
    {
        await Sweeper().RunAsync(new SweepRequest { Scope = "projects/proj-b" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, _publisher.Published.Count);
        foreach (var request in _publisher.Published)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(request, RequestJsonContext.Default.EvaluationRequest);
            var mapped = Assert.IsType<MappedEvent>(EventMapper.Default.Map(bytes));
            var resource = Assert.Single(mapped.Resources);
            Assert.Equal(request.Name, resource.FullName);
            Assert.Equal(OperationKind.Requested, resource.Operation);
            Assert.Equal("sweep", mapped.Metadata.Src);
            Assert.Equal("proj-b", resource.ProjectId);
        }
    }

    [Fact]
    public async Task RunAsync_FolderScope_ListsOnlyProjectsUnderIt()
    {
        var outcome = await Sweeper().RunAsync(new SweepRequest { Scope = "folders/111" }, TestContext.Current.CancellationToken);

        Assert.Equal(7, outcome.Published);
        Assert.All(_publisher.Published, r => Assert.Equal("compute.googleapis.com/Firewall", r.AssetType));
    }

    [Fact]
    public async Task RunAsync_ManyPages_StopsAtTheBoundAndContinues()
    {
        var sweeper = Sweeper(pageSize: 2, maxPages: 2);
        var request = new SweepRequest { Scope = "organizations/123456789012" };
        var batches = 0;
        SweepOutcome outcome;
        do
        {
            outcome = await sweeper.RunAsync(request, TestContext.Current.CancellationToken);
            Assert.Null(outcome.Failure);
            Assert.True(outcome.Pages <= 2);
            request = outcome.Next ?? request;
            batches++;
        }
        while (!outcome.Completed && batches < 10);

        Assert.True(outcome.Completed);
        Assert.Equal(3, batches); // 9 assets, 2 per page, 2 pages per batch: 4 + 4 + 1.
        Assert.Equal(9, _publisher.Published.Select(r => r.Name).Distinct().Count());
        Assert.Equal(9, _publisher.Published.Count);
        Assert.Single(_publisher.Published.Select(r => r.Metadata!.Extra!["sweep_id"].GetString()).Distinct());
    }

    [Fact]
    public async Task RunAsync_CaiForbidden_ReportsPermissionAndKeepsPosition()
    {
        _fake.InjectFault("cloudasset.googleapis.com/", 403, body: GoogleErrors.PermissionDenied("cloudasset.assets.listResource"));

        var outcome = await Sweeper().RunAsync(new SweepRequest { Scope = "organizations/123456789012" }, TestContext.Current.CancellationToken);

        var denied = Assert.IsType<ReadPermissionDenied>(outcome.Failure);
        Assert.Equal("cloudasset.assets.listResource", denied.Permission);
        Assert.Equal(0, outcome.Published);
        Assert.False(outcome.Completed);
    }

    [Fact]
    public async Task RunAsync_TransientFailureMidway_ResumesFromTheFailedPage()
    {
        var sweeper = Sweeper(pageSize: 3, maxPages: 10);
        _fake.InjectFault("pageToken=page-3", 503);

        var first = await sweeper.RunAsync(new SweepRequest { Scope = "organizations/123456789012" }, TestContext.Current.CancellationToken);
        var second = await sweeper.RunAsync(first.Next!, TestContext.Current.CancellationToken);

        Assert.IsType<ReadTransientFailure>(first.Failure);
        Assert.Equal(3, first.Published);
        Assert.Equal("page-3", first.Next!.PageToken);
        Assert.True(second.Completed);
        Assert.Equal(9, _publisher.Published.Select(r => r.Name).Distinct().Count());
        Assert.Equal(9, _publisher.Published.Count);
    }

    [Theory]
    [InlineData("organisations/1")]
    [InlineData("projects/")]
    [InlineData("my-project")]
    public async Task RunAsync_BadScope_IsPermanentWithoutCallingCai(string scope)
    {
        var outcome = await Sweeper().RunAsync(new SweepRequest { Scope = scope }, TestContext.Current.CancellationToken);

        Assert.IsType<ReadPermanentFailure>(outcome.Failure);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task RunAsync_RestrictedAssetTypes_ListsOnlyThose()
    {
        var outcome = await Sweeper().RunAsync(
            new SweepRequest { Scope = "organizations/123456789012", AssetTypes = ["sqladmin.googleapis.com/Instance"] }, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.Published);
        Assert.Equal("//cloudsql.googleapis.com/projects/proj-b/instances/db", Assert.Single(_publisher.Published).Name);
    }
}
