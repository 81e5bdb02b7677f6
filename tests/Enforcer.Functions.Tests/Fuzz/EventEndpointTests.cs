using System.Net;
using System.Text.Json;
using Enforcer.Functions.Evaluate;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>Regression found by the fuzz suite: other methods on the event path got routing's bodiless 405.</summary>
public sealed class EventEndpointTests : IClassFixture<WebApplicationFactory<EvaluateFunction>>
{
    private readonly WebApplicationFactory<EvaluateFunction> _factory;

    public EventEndpointTests(WebApplicationFactory<EvaluateFunction> factory)
    {
        _factory = factory.WithWebHostBuilder(b => b.UseSetting("ENFORCER_STORE", "memory"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PROPFIND")]
    public async Task OtherMethod_OnEventPath_Is405WithAllowAndOneLineReason(string method)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"method {method} is not allowed; events are POSTed", body.RootElement.GetProperty("error").GetString());
    }
}
