using System.Globalization;
using System.Net;
using System.Text.Json;
using Enforcer.Core.History;
using Enforcer.Core.Storage;

namespace Enforcer.Functions.Tests.History;

/// <summary>The History API over the Firestore emulator: every filter, paging through a thousand records, page-token abuse, bad parameters.</summary>
public sealed class HistoryApiTests(HistoryApiFixture fixture) : IClassFixture<HistoryApiFixture>
{
    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>Follows next_page_token to the end; returns every item of <paramref name="listName"/> and the number of pages.</summary>
    private static async Task<(List<JsonElement> Items, int Pages)> AllPagesAsync(HttpClient client, string path, string query, string listName)
    {
        var items = new List<JsonElement>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = path + "?" + query + (token is null ? string.Empty : "&page_token=" + token);
            var (status, body) = await HistoryApiFixture.GetAsync(client, url);
            Assert.True(status == HttpStatusCode.OK, $"{url}: {status} {body}");
            items.AddRange(body.GetProperty(listName).EnumerateArray());
            token = body.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            pages++;
            Assert.True(pages <= 2000, "paging does not end");
        }
        while (token is not null);
        return (items, pages);
    }

    // The test's own reading of the filters, independent of the service's.
    private static bool Matches(ViolationRecord v, string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = Uri.UnescapeDataString(pair[(name.Length + 1)..]);
            var ok = name switch
            {
                "project" => v.ProjectId == value,
                "resource" => v.ResourceName == value,
                "policy" => v.PolicyId == value,
                "severity" => v.Severity.Equals(value, StringComparison.OrdinalIgnoreCase),
                "status" => v.Status == value,
                "since" => v.UpdatedAt >= DateTimeOffset.Parse(value, CultureInfo.InvariantCulture),
                "until" => v.UpdatedAt < DateTimeOffset.Parse(value, CultureInfo.InvariantCulture),
                "page_size" => true,
                _ => throw new ArgumentException(name),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<ViolationRecord> NewestFirst(Func<ViolationRecord, bool> filter) =>
        fixture.Violations.Where(filter).OrderByDescending(v => v.UpdatedAt).ThenByDescending(v => v.Id, StringComparer.Ordinal);

    [Theory]
    [InlineData("project=beta-dev")]
    [InlineData("resource=%2F%2Fstorage.googleapis.com%2Fbucket-0007")]
    [InlineData("policy=sql_require_ssl")]
    [InlineData("severity=CRITICAL")]
    [InlineData("severity=critical")]
    [InlineData("status=open")]
    [InlineData("status=quarantined")]
    [InlineData("status=remediated")]
    [InlineData("status=excluded")]
    [InlineData("status=resolved")]
    [InlineData("since=2026-11-01T07:00:00Z")]
    [InlineData("until=2026-11-01T00:30:00Z")]
    [InlineData("since=2026-11-01T01:00:00Z&until=2026-11-01T02:00:00Z")]
    [InlineData("since=2026-11-01T03:00:00%2B02:00")]
    [InlineData("project=alpha-prod&severity=HIGH&status=open")]
    [InlineData("policy=gke_private_nodes&since=2026-11-01T02:00:00Z&until=2026-11-01T06:00:00Z")]
    [InlineData("resource=%2F%2Fstorage.googleapis.com%2Fbucket-0100&policy=storage_bucket_versioning")]
    [InlineData("project=gamma-ops&policy=firewall_no_world_ssh&severity=MEDIUM&status=resolved")]
    [InlineData("project=nobody-here")]
    public async Task ListViolations_Filter_ReturnsExactlyTheMatchesNewestFirst(string query)
    {
        using var client = fixture.CreateClient();

        var (items, _) = await AllPagesAsync(client, "/v1/violations", query + "&page_size=100", "violations");

        var expected = NewestFirst(v => Matches(v, query)).Select(v => v.Id).ToList();
        Assert.True(expected.Count > 0 || query == "project=nobody-here", "the filter should select something");
        Assert.Equal(expected, items.Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ListViolations_ThousandRecords_PagesThroughAllWithoutGapsOrRepeats()
    {
        using var client = fixture.CreateClient();

        var (items, pages) = await AllPagesAsync(client, "/v1/violations", "page_size=75", "violations");

        Assert.Equal(14, pages);
        Assert.Equal(NewestFirst(_ => true).Select(v => v.Id), items.Select(i => i.GetProperty("id").GetString()));
        var first = items[0];
        var newest = NewestFirst(_ => true).First();
        Assert.Equal(newest.ResourceName, first.GetProperty("resource_name").GetString());
        Assert.Equal(newest.Status, first.GetProperty("status").GetString());
        Assert.Equal(newest.UpdatedAt, first.GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task ListViolations_PageSizeOfEverything_IsOnePageWithoutToken()
    {
        using var client = fixture.CreateClient();

        var (status, body) = await HistoryApiFixture.GetAsync(client, "/v1/violations?page_size=1000");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1000, body.GetProperty("violations").GetArrayLength());
        Assert.False(body.TryGetProperty("next_page_token", out _));
    }

    private async Task<string> FirstTokenAsync(HttpClient client, string url)
    {
        var (status, body) = await HistoryApiFixture.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("next_page_token").GetString()!;
    }

    private static async Task AssertRefusedAsync(HttpClient client, string url, string reason)
    {
        var (status, body) = await HistoryApiFixture.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static string Flip(string token, int index) =>
        token[..index] + (token[index] == 'A' ? 'B' : 'A') + token[(index + 1)..];

    [Fact]
    public async Task PageToken_Altered_Is400()
    {
        using var client = fixture.CreateClient();
        var token = await FirstTokenAsync(client, "/v1/violations?page_size=10&status=open");
        var dot = token.IndexOf('.', StringComparison.Ordinal);

        await AssertRefusedAsync(client, "/v1/violations?page_size=10&status=open&page_token=" + Flip(token, dot / 2), "page_token is not valid here");
        await AssertRefusedAsync(client, "/v1/violations?page_size=10&status=open&page_token=" + Flip(token, dot + 5), "page_token is not valid here");
        await AssertRefusedAsync(client, "/v1/violations?page_size=10&status=open&page_token=" + token[..dot], "page_token is malformed");
        await AssertRefusedAsync(client, "/v1/violations?page_size=10&status=open&page_token=not-a-token!!", "page_token is malformed");
    }

    [Fact]
    public async Task PageToken_EditedCursorResignedWithAnotherKey_Is400()
    {
        using var client = fixture.CreateClient();
        var fingerprint = PageTokenCodec.Fingerprint([new("status", "open")]);
        var forged = new PageTokenCodec("a-key-that-the-server-does-not-have-0123456789"u8)
            .Encode("violations", fingerprint, [PageTokenPosition.After(HistorySeed.T0.AddHours(3), "v-0")]);

        await AssertRefusedAsync(client, "/v1/violations?status=open&page_token=" + forged, "page_token is not valid here");
    }

    [Theory]
    [InlineData("/v1/violations?page_size=10&status=resolved")]
    [InlineData("/v1/violations?page_size=10")]
    [InlineData("/v1/violations?page_size=10&status=open&since=2026-11-01T00:00:00Z")]
    [InlineData("/v1/remediations?page_size=10")]
    [InlineData("/v1/events?page_size=10")]
    public async Task PageToken_ReplayedWithAnotherQuery_Is400(string otherQuery)
    {
        using var client = fixture.CreateClient();
        var token = await FirstTokenAsync(client, "/v1/violations?page_size=10&status=open");

        await AssertRefusedAsync(client, otherQuery + "&page_token=" + token, "page_token was issued for a different query");
    }

    [Fact]
    public async Task PageToken_SameQueryWithAnotherPageSize_IsAccepted()
    {
        using var client = fixture.CreateClient();
        var token = await FirstTokenAsync(client, "/v1/violations?page_size=10&status=open");

        var (status, body) = await HistoryApiFixture.GetAsync(client, "/v1/violations?status=open&page_size=5&page_token=" + token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(NewestFirst(v => v.Status == "open").Skip(10).Take(5).Select(v => v.Id), body.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/v1/violations?page_size=0", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/violations?page_size=1001", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/violations?page_size=-5", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/violations?page_size=ten", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/violations?since=yesterday", "since must be an RFC 3339 time")]
    [InlineData("/v1/violations?until=2026-13-45T00:00:00Z", "until must be an RFC 3339 time")]
    [InlineData("/v1/violations?since=11%2F20%2F2026", "since must be an RFC 3339 time")]
    [InlineData("/v1/violations?since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z", "since must be earlier than until")]
    [InlineData("/v1/violations?severity=SEVERE", "severity must be one of LOW, MEDIUM, HIGH, CRITICAL")]
    [InlineData("/v1/violations?status=closed", "status must be one of open, remediated, excluded, resolved, quarantined")]
    [InlineData("/v1/violations?project=Bad_Project!", "project must be a project id")]
    [InlineData("/v1/violations?policy=bad%20policy", "policy must be a policy id")]
    [InlineData("/v1/violations?resource=bucket", "resource must be a full resource name")]
    [InlineData("/v1/violations?colour=blue", "unknown parameter 'colour'")]
    [InlineData("/v1/violations?status=open&status=resolved", "parameter 'status' is given more than once")]
    [InlineData("/v1/violations/v-123", "violation id is malformed")]
    [InlineData("/v1/violations/v-00000000000000000000000000000000?x=1", "unknown parameter 'x'")]
    [InlineData("/v1/remediations?status=open", "status must be one of running, succeeded")]
    [InlineData("/v1/remediations?severity=HIGH", "unknown parameter 'severity'")]
    [InlineData("/v1/resources/timeline", "name is required")]
    [InlineData("/v1/resources/timeline?name=bucket-0000", "name must be a full resource name")]
    [InlineData("/v1/summary?since=2026-11-02&until=2026-11-01", "since must be earlier than until")]
    [InlineData("/v1/summary?project=alpha-prod", "unknown parameter 'project'")]
    [InlineData("/v1/events?page_size=0", "page_size must be an integer from 1 to 1000")]
    [InlineData("/v1/events/bad%20id", "event id is malformed")]
    public async Task BadParameter_Is400WithOneLineReason(string url, string reason)
    {
        using var client = fixture.CreateClient();

        var (status, body) = await HistoryApiFixture.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error").GetString()!;
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task GetViolation_ShowsItsEvaluationsAndRemediationsWithSteps()
    {
        using var client = fixture.CreateClient();
        var id = StoreKeys.Violation(HistoryApiFixture.Resource, HistoryApiFixture.Policy);

        var (status, body) = await HistoryApiFixture.GetAsync(client, "/v1/violations/" + id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, body.GetProperty("violation").GetProperty("id").GetString());
        Assert.Equal(HistoryApiFixture.Policy, body.GetProperty("violation").GetProperty("policy_id").GetString());
        Assert.Equal(["ev-a4", "ev-a3", "ev-a2", "ev-a1", "ev-a0"], body.GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["rem-a2", "rem-a1", "rem-a0"], body.GetProperty("remediations").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var step = body.GetProperty("remediations")[0].GetProperty("steps")[0];
        Assert.Equal("PATCH", step.GetProperty("verb").GetString());
        Assert.Equal(200, step.GetProperty("http_status").GetInt32());
        Assert.False(body.GetProperty("more_evaluations").GetBoolean());
        Assert.False(body.GetProperty("more_remediations").GetBoolean());
    }

    [Fact]
    public async Task GetViolation_Unknown_Is404()
    {
        using var client = fixture.CreateClient();

        var (status, body) = await HistoryApiFixture.GetAsync(client, "/v1/violations/" + StoreKeys.Violation("//nothing/here", "p"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no violation with id", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(100)]
    public async Task Timeline_MergesEventsEvaluationsAndRemediationsNewestFirst(int pageSize)
    {
        using var client = fixture.CreateClient();

        var (items, pages) = await AllPagesAsync(client, "/v1/resources/timeline", $"name={Escape(HistoryApiFixture.Resource)}&page_size={pageSize}", "entries");

        var expected = fixture.Events.Where(e => e.Resources.Any(r => r.Name == HistoryApiFixture.Resource)).Select(e => (At: e.ReceivedAt, Kind: "event", e.Id))
            .Concat(fixture.Evaluations.Where(e => e.ResourceName == HistoryApiFixture.Resource).Select(e => (At: e.EvaluatedAt, Kind: "evaluation", e.Id)))
            .Concat(fixture.Remediations.Where(r => r.ResourceName == HistoryApiFixture.Resource).Select(r => (At: r.ClaimedAt, Kind: "remediation", r.Id)))
            .OrderByDescending(x => x.At)
            .ToList();
        Assert.Equal(expected.Select(x => (x.Kind, x.Id)), items.Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("id").GetString()!)));
        Assert.Equal((int)Math.Ceiling(expected.Count / (double)pageSize), pages);
        Assert.All(items, i => Assert.True(i.TryGetProperty(i.GetProperty("kind").GetString()!, out _), "each entry carries its record"));
    }

    [Fact]
    public async Task Timeline_TokenForAnotherResource_Is400()
    {
        using var client = fixture.CreateClient();
        var token = await FirstTokenAsync(client, "/v1/resources/timeline?page_size=2&name=" + Escape(HistoryApiFixture.Resource));

        await AssertRefusedAsync(client, "/v1/resources/timeline?page_size=2&name=" + Escape("//storage.googleapis.com/bucket-0001") + "&page_token=" + token, "different query");
    }

    [Theory]
    [InlineData("status=succeeded", "rem-a2,rem-b0,rem-c0")]
    [InlineData("resource=%2F%2Fstorage.googleapis.com%2Fbucket-0000", "rem-a2,rem-a1,rem-b0,rem-a0")]
    [InlineData("policy=sql_require_ssl", "rem-b0,rem-c1")]
    [InlineData("resource=%2F%2Fstorage.googleapis.com%2Fbucket-0000&policy=storage_bucket_versioning&status=dry-run", "rem-a1")]
    [InlineData("since=2026-11-01T00:14:00Z&until=2026-11-01T00:21:00Z", "rem-b0,rem-c1")]
    [InlineData("status=SUCCEEDED&since=2026-11-01T00:15:00Z", "rem-a2,rem-b0")]
    public async Task ListRemediations_Filter_ReturnsMatchesNewestFirst(string query, string ids)
    {
        using var client = fixture.CreateClient();

        var (items, _) = await AllPagesAsync(client, "/v1/remediations", query + "&page_size=1", "remediations");

        Assert.Equal(ids.Split(','), items.Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Summary_Window_CountsByPolicyProjectSeverityStatus()
    {
        using var client = fixture.CreateClient();
        var since = HistorySeed.T0.AddHours(1);
        var until = HistorySeed.T0.AddHours(3);

        var (status, body) = await HistoryApiFixture.GetAsync(client, "/v1/summary?since=2026-11-01T01:00:00Z&until=2026-11-01T03:00:00Z");

        Assert.Equal(HttpStatusCode.OK, status);
        var window = fixture.Violations.Where(v => v.UpdatedAt >= since && v.UpdatedAt < until).ToList();
        Assert.Equal(240, window.Count);
        Assert.Equal(window.Count, body.GetProperty("total").GetInt64());
        Assert.False(body.GetProperty("truncated").GetBoolean());
        Assert.Equal(since, body.GetProperty("since").GetDateTimeOffset());
        AssertCounts(window.CountBy(v => v.PolicyId), body.GetProperty("by_policy"));
        AssertCounts(window.CountBy(v => v.ProjectId!), body.GetProperty("by_project"));
        AssertCounts(window.CountBy(v => v.Severity), body.GetProperty("by_severity"));
        AssertCounts(window.CountBy(v => v.Status), body.GetProperty("by_status"));
    }

    private static void AssertCounts(IEnumerable<KeyValuePair<string, int>> expected, JsonElement actual) =>
        Assert.Equal(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (long)p.Value)),
            actual.EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())));

    [Fact]
    public async Task ListEvents_ByResource_StillServedWithSignedTokens()
    {
        using var client = fixture.CreateClient();

        var (items, pages) = await AllPagesAsync(client, "/v1/events", "page_size=3&resource=" + Escape(HistoryApiFixture.Resource), "events");

        Assert.Equal(["evt-a3", "evt-a2", "evt-a1", "evt-a0"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(2, pages);
    }
}
