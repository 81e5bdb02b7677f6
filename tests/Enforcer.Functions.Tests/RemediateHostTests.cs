using System.Net;
using Enforcer.Functions.Remediate;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests;

public sealed class RemediateHostTests : IClassFixture<WebApplicationFactory<RemediateFunction>>, IClassFixture<GoogleStandIn>
{
    private readonly WebApplicationFactory<RemediateFunction> _factory;

    public RemediateHostTests(WebApplicationFactory<RemediateFunction> factory, GoogleStandIn google)
    {
        _factory = factory.WithWebHostBuilder(b => b.UseSetting("ENFORCER_STORE", "memory").UseSetting("ENFORCER_GOOGLE_API_ROOT", google.ApiRoot));
    }

    [Theory]
    [InlineData("pubsub-binary")]
    [InlineData("pubsub-structured")]
    [InlineData("pubsub-push")]
    public async Task Post_RemediationRequestInEachPubSubForm_Is200AndExecutedOnce(string transport)
    {
        using var client = _factory.CreateClient();
        var payload = Fixture.Read("bucket-remediation.request.json").Replace("uniform-access-1", "uniform-access-" + transport, StringComparison.Ordinal);

        using var first = await client.SendAsync(DeliveryBuilder.Build(transport, payload), TestContext.Current.CancellationToken);
        using var second = await client.SendAsync(DeliveryBuilder.Build(transport, payload), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstBody = await DeliveryBuilder.ReadJsonAsync(first);
        var secondBody = await DeliveryBuilder.ReadJsonAsync(second);
        // The request carries no mode, so it runs dry: the plan is recorded, nothing is called; the repeat finds it done.
        Assert.Contains("dry-run: 1 call(s) recorded, none made", firstBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("already dry-run", secondBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LogEntryToRemediate_Is400WithReason()
    {
        using var client = _factory.CreateClient();
        using var response = await client.SendAsync(DeliveryBuilder.Build("pubsub-push", Fixture.Read("bucket-create.logentry.json")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await DeliveryBuilder.ReadJsonAsync(response);
        Assert.StartsWith("payload is not a remediation request", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Healthz_IsOkAndNamesTheFunction()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DeliveryBuilder.ReadJsonAsync(response);
        Assert.Equal("remediate", body.GetProperty("function").GetString());
    }
}
