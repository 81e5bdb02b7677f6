using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enforcer.Functions.Tests;

/// <summary>Builds HTTP requests the way Eventarc and Pub/Sub deliver them.</summary>
internal static class DeliveryBuilder
{
    public const string AuditType = "google.cloud.audit.log.v1.written";
    public const string PubSubType = "google.cloud.pubsub.topic.v1.messagePublished";

    public static HttpRequestMessage Build(string transport, string payloadJson, string messageId = "1234567890")
    {
        return transport switch
        {
            "audit-binary" => Binary(AuditType, payloadJson),
            "audit-structured" => Structured(AuditType, JsonNode.Parse(payloadJson)),
            "pubsub-binary" => Binary(PubSubType, PubSubEnvelope(payloadJson, messageId)),
            "pubsub-structured" => Structured(PubSubType, JsonNode.Parse(PubSubEnvelope(payloadJson, messageId))),
            "pubsub-push" => Json(PubSubEnvelope(payloadJson, messageId)),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "unknown transport"),
        };
    }

    public static string PubSubEnvelope(string payloadJson, string messageId = "1234567890") =>
        PubSubEnvelopeWithData(Convert.ToBase64String(Encoding.UTF8.GetBytes(payloadJson)), messageId);

    public static string PubSubEnvelopeWithData(string base64Data, string messageId = "1234567890") =>
        new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["data"] = base64Data,
                ["attributes"] = new JsonObject { ["logging.googleapis.com/timestamp"] = "2026-11-20T09:15:02.123456Z" },
                ["messageId"] = messageId,
                ["publishTime"] = "2026-11-20T09:15:04.000Z",
            },
            ["subscription"] = "projects/acme-enforcer/subscriptions/audit-to-evaluate",
        }.ToJsonString();

    public static HttpRequestMessage Binary(string type, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("ce-specversion", "1.0");
        request.Headers.Add("ce-id", "evt-" + Guid.NewGuid().ToString("N"));
        request.Headers.Add("ce-source", "//cloudaudit.googleapis.com/projects/acme-prod/logs/activity");
        request.Headers.Add("ce-type", type);
        request.Headers.Add("ce-time", "2026-11-20T09:15:04Z");
        return request;
    }

    public static HttpRequestMessage Structured(string type, JsonNode? data)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = "evt-" + Guid.NewGuid().ToString("N"),
            ["source"] = "//pubsub.googleapis.com/projects/acme-enforcer/topics/audit",
            ["type"] = type,
            ["datacontenttype"] = "application/json",
        };
        if (data is not null)
        {
            envelope["data"] = data;
        }

        return Raw(envelope.ToJsonString(), "application/cloudevents+json; charset=utf-8");
    }

    public static HttpRequestMessage Json(string body) => Raw(body, "application/json");

    public static HttpRequestMessage Raw(string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
