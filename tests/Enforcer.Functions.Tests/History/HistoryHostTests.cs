using System.Net;
using Enforcer.Core.Storage;
using Enforcer.Functions.History;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Enforcer.Functions.Tests.History;

public sealed class HistoryHostTests : IClassFixture<WebApplicationFactory<HistoryFunction>>
{
    private readonly WebApplicationFactory<HistoryFunction> _factory;

    public HistoryHostTests(WebApplicationFactory<HistoryFunction> factory)
    {
        _factory = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ENFORCER_STORE", "memory");
            b.UseSetting("ENFORCER_HISTORY_AUTH", "none");
        });
    }

    private async Task SeedAsync(int count, string resource)
    {
        var store = _factory.Services.GetRequiredService<IEnforcerStore>();
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var prefix = resource[(resource.LastIndexOf('/') + 1)..];
        for (var i = 0; i < count; i++)
        {
            await store.TryRecordEventAsync(
                new EventRecord($"{prefix}{i:D3}", start.AddSeconds(i), "audit_log", $"ins{i}", $"m{i}", start, "storage.buckets.update", "storage.googleapis.com", "alice@example.com", "mapped", null, [new EventResource("storage.googleapis.com/Bucket", resource, "update")]),
                TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task ListEvents_PagesThroughEverythingNewestFirst()
    {
        await SeedAsync(25, "//storage.googleapis.com/paged");
        using var client = _factory.CreateClient();

        var ids = new List<string>();
        string? token = null;
        do
        {
            var url = "/v1/events?page_size=10&resource=" + Uri.EscapeDataString("//storage.googleapis.com/paged") + (token is null ? string.Empty : "&page_token=" + token);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await DeliveryBuilder.ReadJsonAsync(response);
            ids.AddRange(body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            token = body.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(i => $"paged{i:D3}"), ids);
    }

    [Theory]
    [InlineData("/v1/events?page_size=0", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/events?page_size=abc", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/events?page_size=1001", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/events?page_token=not-a-token!!", "page_token is malformed")]
    [InlineData("/v1/events?resource=bucket", "resource must be a full resource name")]
    [InlineData("/v1/events?colour=blue", "unknown parameter 'colour'")]
    [InlineData("/v1/events/bad%20id", "event id is malformed")]
    public async Task BadParameters_Are400WithReason(string url, string reason)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await DeliveryBuilder.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageToken_UsedWithAnotherFilter_Is400()
    {
        await SeedAsync(5, "//storage.googleapis.com/tokened");
        using var client = _factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/v1/events?page_size=2&resource=" + Uri.EscapeDataString("//storage.googleapis.com/tokened"), UriKind.Relative), TestContext.Current.CancellationToken);
        var token = (await DeliveryBuilder.ReadJsonAsync(first)).GetProperty("next_page_token").GetString();

        using var response = await client.GetAsync(new Uri("/v1/events?page_size=2&page_token=" + token, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("different query", (await DeliveryBuilder.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvent_KnownAndUnknown()
    {
        await SeedAsync(1, "//storage.googleapis.com/single");
        using var client = _factory.CreateClient();

        using var found = await client.GetAsync(new Uri("/v1/events/single000", UriKind.Relative), TestContext.Current.CancellationToken);
        using var missing = await client.GetAsync(new Uri("/v1/events/nope", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await DeliveryBuilder.ReadJsonAsync(found);
        Assert.Equal("//storage.googleapis.com/single", body.GetProperty("resources")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
