using System.Text;
using System.Text.Json;
using Enforcer.Hosting;
using Enforcer.Hosting.Inbound;
using Microsoft.AspNetCore.Http;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// Regressions found by the fuzz suite, checked on the decoder directly: each request used to end in
/// a 500 (an exception while reading a string or writing the reason), to be accepted as if it were
/// valid, or to be refused with a reason that was not one line.
/// </summary>
public sealed class InboundRequestDecoderTests
{
    private const string Payload = "{\"logName\":\"projects/p/logs/cloudaudit.googleapis.com%2Factivity\",\"protoPayload\":{}}";
    private static readonly InboundRequestDecoder Decoder = new(new InboundRequestDecoderOptions { ValidatePayload = PayloadShapes.Evaluate });

    public static TheoryData<string, string, string> Refused() => new()
    {
        // GetString() on an escaped lone surrogate throws InvalidOperationException: it was an unhandled 500.
        { "lone surrogate in messageId", Push(messageId: "\"\\ud800\""), "messageId, message_id, publishTime, publish_time or subscription is not a string" },
        { "lone surrogate in an attribute value", Push(attributes: "{\"k\":\"\\udfff\"}"), "Pub/Sub attribute 'k' is not a string" },
        { "lone surrogate in an attribute name", Push(attributes: "{\"\\ud800\":\"v\"}"), "Pub/Sub attribute name is not valid text" },
        { "lone surrogate in the payload", Push(data: "{\"logName\":\"\\ud83d\",\"protoPayload\":{}}"), "not valid text (an escaped lone surrogate)" },
        // Wrong types at envelope fields were skipped silently, so the delivery lost its id and time.
        { "numeric messageId", Push(messageId: "12345"), "is not a string" },
        { "attributes as an array", Push(attributes: "[\"a\"]"), "attributes are not a JSON object" },
        { "publish_time that is not a time beside a valid publishTime", Push(extra: ",\"publish_time\":\"yesterday\""), "publishTime 'yesterday' is not a timestamp" },
        // The CloudEvents SDK turns a number into text for any attribute: {"id": 5} passed as the id "5".
        { "structured CloudEvent with a numeric id", Structured("\"id\":5"), "attribute 'id' is not a string" },
        { "structured CloudEvent with a boolean time", Structured("\"id\":\"e1\",\"time\":true"), "attribute 'time' is not a string" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task DecodeAsync_FuzzFinding_RefusedWith400AndReason(string scenario, string body, string reason)
    {
        var result = await DecodeAsync(Encoding.UTF8.GetBytes(body), ContentTypeOf(body));

        Assert.False(result.IsAccepted, scenario);
        Assert.Equal(400, result.StatusCode);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_InvalidUtf8InsideAString_Refused()
    {
        // The parser does not check the bytes inside strings; reading messageId later threw.
        var body = Encoding.UTF8.GetBytes(Push(messageId: "\"@@\""));
        var at = Encoding.UTF8.GetString(body).IndexOf("@@", StringComparison.Ordinal);
        body[at] = 0xFF;

        var result = await DecodeAsync(body, "application/json");

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("body is not valid UTF-8", result.Reason);
    }

    [Theory]
    [InlineData("google.cloud.audit.log.v1.written\\nforged: yes")]
    [InlineData("com.example.\\r\\n\\u0000type")]
    public async Task DecodeAsync_TypeWithLineBreaks_ReasonIsOneLine(string type)
    {
        var result = await DecodeAsync(Encoding.UTF8.GetBytes(Structured($"\"id\":\"e1\",\"type\":\"{type}\"", typeGiven: true)), "application/cloudevents+json");

        // The SDK refuses control characters in attribute values; its message must still reach the caller as one line.
        Assert.Equal(400, result.StatusCode);
        Assert.StartsWith("invalid structured-mode CloudEvent", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Reason!, c => char.IsControl(c));
    }

    [Fact]
    public async Task DecodeAsync_HugeTypeWithAstralCharacters_ReasonBoundedAndWritable()
    {
        // A surrogate pair cut in half by truncation made the JSON writer throw: a 500 instead of a 400.
        var type = string.Concat(Enumerable.Repeat("\\ud83d\\udca5", 5000));

        var result = await DecodeAsync(Encoding.UTF8.GetBytes(Structured($"\"id\":\"e1\",\"type\":\"x{type}\"", typeGiven: true)), "application/cloudevents+json");

        Assert.Equal(400, result.StatusCode);
        Assert.True(result.Reason!.Length <= FuzzVerdict.MaxReasonLength, $"reason has {result.Reason.Length} characters");
        var json = JsonSerializer.Serialize(new ErrorResponse(result.Reason), HostingJsonContext.Default.ErrorResponse);
        Assert.Contains("unsupported CloudEvent type", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_ValidPushWithBothTimeSpellings_Accepted()
    {
        var result = await DecodeAsync(Encoding.UTF8.GetBytes(Push(extra: ",\"publish_time\":\"2026-11-20T09:15:04Z\"")), "application/json");

        Assert.True(result.IsAccepted, result.Reason);
        Assert.Equal("m1", result.Message!.MessageId);
    }

    private static async Task<DecodeResult> DecodeAsync(byte[] body, string contentType)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return await Decoder.DecodeAsync(context.Request, TestContext.Current.CancellationToken);
    }

    private static string ContentTypeOf(string body) => body.Contains("\"specversion\"", StringComparison.Ordinal) ? "application/cloudevents+json" : "application/json";

    private static string Push(string messageId = "\"m1\"", string attributes = "{}", string data = Payload, string extra = "") =>
        $"{{\"message\":{{\"data\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(data))}\",\"messageId\":{messageId},\"attributes\":{attributes},\"publishTime\":\"2026-11-20T09:15:04Z\"{extra}}},\"subscription\":\"projects/p/subscriptions/s\"}}";

    private static string Structured(string attributes, bool typeGiven = false) =>
        $"{{\"specversion\":\"1.0\",{attributes},\"source\":\"//x\",{(typeGiven ? string.Empty : "\"type\":\"google.cloud.audit.log.v1.written\",")}\"datacontenttype\":\"application/json\",\"data\":{Payload}}}";
}
