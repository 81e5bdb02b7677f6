using System.Net;
using System.Text;
using Enforcer.Functions.Evaluate;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests;

public sealed class EvaluateHostTests : IClassFixture<WebApplicationFactory<EvaluateFunction>>, IClassFixture<GoogleStandIn>
{
    private readonly WebApplicationFactory<EvaluateFunction> _factory;

    public EvaluateHostTests(WebApplicationFactory<EvaluateFunction> factory, GoogleStandIn google)
    {
        _factory = factory.WithWebHostBuilder(b => b.UseSetting("ENFORCER_STORE", "memory").UseSetting("ENFORCER_GOOGLE_API_ROOT", google.ApiRoot));
    }

    [Theory]
    [InlineData("audit-binary", "bucket-create.logentry.json")]
    [InlineData("audit-structured", "bucket-create.logentry.json")]
    [InlineData("pubsub-binary", "bucket-create.logentry.json")]
    [InlineData("pubsub-structured", "bucket-create.logentry.json")]
    [InlineData("pubsub-push", "bucket-create.logentry.json")]
    [InlineData("pubsub-binary", "bucket-sweep.request.json")]
    [InlineData("pubsub-structured", "bucket-sweep.request.json")]
    [InlineData("pubsub-push", "bucket-sweep.request.json")]
    public async Task Post_EachAcceptedForm_Is200AndRecordsTheBucket(string transport, string fixture)
    {
        using var client = _factory.CreateClient();
        var payload = Fixture.Read(fixture);
        if (fixture.Contains("logentry", StringComparison.Ordinal))
        {
            // A distinct insertId per case, so the cases do not de-duplicate each other.
            payload = payload.Replace("1x2y3z4w5v6u", "id-" + transport, StringComparison.Ordinal);
        }

        using var response = await client.SendAsync(DeliveryBuilder.Build(transport, payload, messageId: "m-" + transport + fixture), TestContext.Current.CancellationToken);

        var body = await DeliveryBuilder.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", body.GetProperty("outcome").GetString());
        // The bucket was read from the stand-in and evaluated: five bucket policies, versioning violated.
        Assert.Contains("1 resource(s), 5 decision(s), 1 violation(s)", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameLogEntryViaTwoSinks_RecordedOnce()
    {
        using var client = _factory.CreateClient();
        var payload = Fixture.Read("bucket-create.logentry.json").Replace("1x2y3z4w5v6u", "dup-sinks", StringComparison.Ordinal);

        using var first = await client.SendAsync(DeliveryBuilder.Build("pubsub-push", payload, messageId: "sink-a-1"), TestContext.Current.CancellationToken);
        using var second = await client.SendAsync(DeliveryBuilder.Build("pubsub-push", payload, messageId: "sink-b-9"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var detail = (await DeliveryBuilder.ReadJsonAsync(second)).GetProperty("detail").GetString();
        Assert.Contains("already processed", detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<HttpRequestMessage>, HttpStatusCode, string> Rejections() => new()
    {
        { "malformed JSON", () => DeliveryBuilder.Json("{\"message\": {\"data\": "), HttpStatusCode.BadRequest, "body is not valid JSON" },
        { "malformed structured CloudEvent", () => DeliveryBuilder.Raw("{\"specversion\": \"1.0\", ", "application/cloudevents+json"), HttpStatusCode.BadRequest, "invalid structured-mode CloudEvent" },
        { "wrong CloudEvent type (binary)", () => DeliveryBuilder.Binary("google.cloud.storage.object.v1.finalized", Fixture.Read("bucket-create.logentry.json")), HttpStatusCode.BadRequest, "unsupported CloudEvent type 'google.cloud.storage.object.v1.finalized'" },
        { "wrong CloudEvent type (structured)", () => DeliveryBuilder.Structured("com.example.other", JsonDocumentNode("{}")), HttpStatusCode.BadRequest, "unsupported CloudEvent type 'com.example.other'" },
        { "missing data (structured)", () => DeliveryBuilder.Structured(DeliveryBuilder.AuditType, null), HttpStatusCode.BadRequest, "CloudEvent has no JSON data" },
        { "missing message data (push)", () => DeliveryBuilder.Json("{\"message\": {\"messageId\": \"1\"}}"), HttpStatusCode.BadRequest, "Pub/Sub message has no 'data' string" },
        { "non-base64 message data", () => DeliveryBuilder.Json(DeliveryBuilder.PubSubEnvelopeWithData("%%% not base64 %%%")), HttpStatusCode.BadRequest, "Pub/Sub message data is not valid base64" },
        { "non-base64 message data (binary CloudEvent)", () => DeliveryBuilder.Binary(DeliveryBuilder.PubSubType, DeliveryBuilder.PubSubEnvelopeWithData("!!!!")), HttpStatusCode.BadRequest, "Pub/Sub message data is not valid base64" },
        { "message data is not JSON", () => DeliveryBuilder.Json(DeliveryBuilder.PubSubEnvelopeWithData(Convert.ToBase64String(Encoding.UTF8.GetBytes("plain text")))), HttpStatusCode.BadRequest, "Pub/Sub message data is not valid JSON" },
        { "message data is a JSON array", () => DeliveryBuilder.Json(DeliveryBuilder.PubSubEnvelope("[1,2]")), HttpStatusCode.BadRequest, "Pub/Sub message data is not a JSON object" },
        { "payload of unknown shape", () => DeliveryBuilder.Json(DeliveryBuilder.PubSubEnvelope(Fixture.Read("not-an-event.json"))), HttpStatusCode.BadRequest, "payload is neither a LogEntry" },
        { "plain JSON without message", () => DeliveryBuilder.Json("{\"hello\": 1}"), HttpStatusCode.BadRequest, "neither a CloudEvent nor a Pub/Sub push request" },
        { "empty body", () => DeliveryBuilder.Json(string.Empty), HttpStatusCode.BadRequest, "empty body" },
        { "binary CloudEvent without ce-id", () => WithoutHeader(DeliveryBuilder.Binary(DeliveryBuilder.AuditType, Fixture.Read("bucket-create.logentry.json")), "ce-id"), HttpStatusCode.BadRequest, "missing a required attribute" },
        { "binary CloudEvent with text data", () => DeliveryBuilder.Binary(DeliveryBuilder.AuditType, "hello", "text/plain"), HttpStatusCode.BadRequest, "is not JSON" },
        { "CloudEvents batch", () => DeliveryBuilder.Raw("[]", "application/cloudevents-batch+json"), HttpStatusCode.BadRequest, "batch mode is not supported" },
        { "oversized body", () => DeliveryBuilder.Json(new string(' ', (10 * 1024 * 1024) + 1)), HttpStatusCode.RequestEntityTooLarge, "exceeds the limit" },
        { "hostile nesting", () => DeliveryBuilder.Json(DeliveryBuilder.PubSubEnvelope(new string('[', 5000) + new string(']', 5000))), HttpStatusCode.BadRequest, "Pub/Sub message data is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Post_RejectedForm_HasExactStatusAndOneLineReason(string scenario, Func<HttpRequestMessage> request, HttpStatusCode expected, string reason)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(request(), TestContext.Current.CancellationToken);

        Assert.True(expected == response.StatusCode, $"{scenario}: expected {expected}, got {response.StatusCode}");
        var error = (await DeliveryBuilder.ReadJsonAsync(response)).GetProperty("error").GetString();
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task Get_OnEventEndpoint_Is405()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static System.Text.Json.Nodes.JsonNode? JsonDocumentNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json);

    private static HttpRequestMessage WithoutHeader(HttpRequestMessage request, string header)
    {
        request.Headers.Remove(header);
        return request;
    }
}
