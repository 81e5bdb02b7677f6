using System.Text.Json;
using System.Text.Json.Nodes;
using Enforcer.Core.Processing;
using Enforcer.Core.Resources;
using Enforcer.Core.Sweep;
using Enforcer.FakeGoogle;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Core.Tests.Sweep;

/// <summary>The sweep as Evaluate runs it: one bounded batch per delivery, the rest chained as new messages.</summary>
public sealed class SweepBatchProcessorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEvaluationRequestPublisher _publisher = new();
    private readonly HttpClient _http = new();
    private FakeGoogleServer _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeGoogleServer.StartAsync(time: _time);
        _fake.SetProjectAncestry("proj-a", "organizations/123456789012");
        for (var i = 0; i < 5; i++)
        {
            _fake.Seed("compute.googleapis.com/Firewall", $"//compute.googleapis.com/projects/proj-a/global/firewalls/fw-{i}", new JsonObject { ["name"] = $"fw-{i}" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private SweepBatchProcessor Processor() => new(
        new AssetSweeper(_http, ResourceCatalog.Default, _publisher, _time, new SweepOptions
        {
            CloudAssetBaseUrl = _fake.BaseUrlFor(FakeGoogleServer.CloudAssetHost),
            PageSize = 2,
            MaxPagesPerRun = 2,
        }),
        _publisher);

    private static JsonElement Sweep(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task Run_LargerThanOneBatch_PublishesTheNextBatchUntilComplete()
    {
        var processor = Processor();

        var first = await processor.RunAsync(Sweep("{\"sweep\":{\"scope\":\"organizations/123456789012\",\"asset_types\":[\"compute.googleapis.com/Firewall\"]}}"), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.Completed, first.Status);
        Assert.Contains("next batch published", first.Detail, StringComparison.Ordinal);
        Assert.Equal(4, _publisher.Published.Count);
        var next = Assert.Single(_publisher.Batches);
        Assert.NotNull(next.PageToken);
        Assert.NotNull(next.SweepId);

        // The continuation as Evaluate receives it: {"sweep": next}.
        var continuation = new JsonObject { ["sweep"] = JsonSerializer.SerializeToNode(next, Enforcer.Core.Requests.RequestJsonContext.Default.SweepRequest) };
        var second = await processor.RunAsync(Sweep(continuation.ToJsonString()), TestContext.Current.CancellationToken);

        Assert.Contains("sweep complete", second.Detail, StringComparison.Ordinal);
        Assert.Equal(5, _publisher.Published.Count);
        Assert.Equal(5, _publisher.Published.Select(r => r.Name).Distinct().Count());
        Assert.Single(_publisher.Batches);
    }

    [Fact]
    public async Task Run_CloudAssetUnavailableBeforeAnythingWasPublished_IsTransient()
    {
        _fake.InjectFault("assets", 503);

        var outcome = await Processor().RunAsync(Sweep("{\"sweep\":{\"scope\":\"organizations/123456789012\"}}"), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.Transient, outcome.Status);
        Assert.Empty(_publisher.Published);
        Assert.Empty(_publisher.Batches);
    }

    [Theory]
    [InlineData("{\"sweep\":{}}", "sweep request")]
    [InlineData("{\"sweep\":{\"scope\":7}}", "malformed")]
    [InlineData("{\"sweep\":{\"scope\":\"projects\"}}", "must be organizations/ID")]
    public async Task Run_BadRequest_IsPermanentWithTheReason(string json, string expected)
    {
        var outcome = await Processor().RunAsync(Sweep(json), TestContext.Current.CancellationToken);

        Assert.Equal(ProcessingStatus.Permanent, outcome.Status);
        Assert.Contains(expected, outcome.Detail, StringComparison.Ordinal);
    }
}
