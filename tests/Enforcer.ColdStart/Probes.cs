using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Enforcer.ColdStart;

/// <summary>Builds the requests sent to the hosts: each event gets fresh ids, so no delivery is a duplicate of another.</summary>
internal sealed class Probes(string auditLogEntryJson, string remediationRequestJson)
{
    private long _sequence;

    public HttpRequestMessage Create(ProbeKind kind, Uri baseAddress)
    {
        var n = Interlocked.Increment(ref _sequence);
        switch (kind)
        {
            case ProbeKind.HistoryQuery:
                return new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "v1/events?page_size=1"));
            case ProbeKind.Remediation:
                var remediation = JsonNode.Parse(remediationRequestJson)!.AsObject();
                remediation["request_id"] = $"bench-{Environment.ProcessId}-{n}";
                var envelope = new JsonObject
                {
                    ["message"] = new JsonObject
                    {
                        ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(remediation.ToJsonString())),
                        ["messageId"] = $"bench-{Environment.ProcessId}-{n}",
                        ["publishTime"] = "2026-11-20T09:15:04.000Z",
                    },
                    ["subscription"] = "projects/acme-enforcer/subscriptions/bench",
                };
                return Post(baseAddress, envelope.ToJsonString(), "application/json");
            default:
                var entry = JsonNode.Parse(auditLogEntryJson)!.AsObject();
                entry["insertId"] = $"bench-{Environment.ProcessId}-{n}";
                var request = Post(baseAddress, entry.ToJsonString(), "application/json");
                request.Headers.Add("ce-specversion", "1.0");
                request.Headers.Add("ce-id", $"bench-{Environment.ProcessId}-{n}");
                request.Headers.Add("ce-source", "//cloudaudit.googleapis.com/projects/acme-prod/logs/activity");
                request.Headers.Add("ce-type", "google.cloud.audit.log.v1.written");
                request.Headers.Add("ce-time", "2026-11-20T09:15:04Z");
                return request;
        }
    }

    private static HttpRequestMessage Post(Uri baseAddress, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, baseAddress) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }
}
