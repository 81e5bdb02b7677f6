using System.Net;
using Enforcer.Core.History;
using Enforcer.Functions.History;
using Enforcer.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests.History;

/// <summary>/policies (from the configured engine) and /config (the running configuration, secrets redacted).</summary>
public sealed class HistoryInfoEndpointsTests : IClassFixture<WebApplicationFactory<HistoryFunction>>
{
    private const string SlackSecret = "T000/B000/hunter2hunter2";
    private const string UrlPassword = "s3cr3t-pass";
    private const string QueryToken = "abc123querytoken";
    private const string PageKey = "page-token-key-for-the-config-test-0123456789";

    private readonly WebApplicationFactory<HistoryFunction> _factory;

    public HistoryInfoEndpointsTests(WebApplicationFactory<HistoryFunction> factory)
    {
        _factory = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ENFORCER_STORE", "memory");
            b.UseSetting("ENFORCER_HISTORY_AUTH", "none");
            b.UseSetting("ENFORCER_POLICY_ENGINE", "embedded");
            b.UseSetting("ENFORCER_RETENTION_DAYS", "45");
            b.UseSetting("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/" + SlackSecret);
            b.UseSetting("ENFORCER_EXPORT_URL", $"https://exporter:{UrlPassword}@metrics.example/v1?token={QueryToken}&region=eu");
            b.UseSetting(HistoryApp.PageTokenKeyVariable, PageKey);
            b.UseSetting("UNRELATED_SETTING", "not shown");
        });
    }

    [Fact]
    public async Task Policies_ListsEveryPolicyOfTheEngineWithMetadata()
    {
        using var client = _factory.CreateClient();

        var (status, body) = await HistoryApiFixture.GetAsync(client, "/policies");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("embedded", body.GetProperty("engine").GetString());
        var policies = body.GetProperty("policies").EnumerateArray().ToList();
        var files = Directory.GetFiles(Path.Combine(Checkout.Root(), "policy", "policies"), "*.rego", SearchOption.AllDirectories)
            .Count(f => !f.EndsWith("_test.rego", StringComparison.Ordinal));
        Assert.Equal(files, policies.Count);
        Assert.Equal(policies.Count, body.GetProperty("count").GetInt32());
        Assert.Equal(policies.Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal), policies.Select(p => p.GetProperty("id").GetString()));
        Assert.Contains(policies, p => p.GetProperty("id").GetString() == "sql_instances_require_backup_configuration");
        Assert.All(policies, p =>
        {
            Assert.Contains(p.GetProperty("severity").GetString(), HistoryService.Severities);
            Assert.NotEmpty(p.GetProperty("applies_to").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(p.GetProperty("error_code").GetString()));
            Assert.Equal(System.Text.Json.JsonValueKind.Array, p.GetProperty("references").ValueKind);
        });
    }

    [Fact]
    public async Task Config_ShowsTheRunningConfigurationWithSecretsRedacted()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/config", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var secret in new[] { SlackSecret, UrlPassword, QueryToken, PageKey })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
        var environment = body.GetProperty("environment");
        Assert.Equal(ConfigurationRedactor.Redacted, environment.GetProperty("SLACK_WEBHOOK_URL").GetString());
        Assert.Equal(ConfigurationRedactor.Redacted, environment.GetProperty(HistoryApp.PageTokenKeyVariable).GetString());
        Assert.Equal("https://[redacted]@metrics.example/v1?token=[redacted]&region=eu", environment.GetProperty("ENFORCER_EXPORT_URL").GetString());
        Assert.Equal("45", environment.GetProperty("ENFORCER_RETENTION_DAYS").GetString());
        Assert.False(environment.TryGetProperty("UNRELATED_SETTING", out _));
        Assert.Equal("memory", body.GetProperty("store").GetString());
        Assert.Equal("embedded", body.GetProperty("policy_engine").GetProperty("engine").GetString());
        Assert.Equal("none", body.GetProperty("auth").GetProperty("mode").GetString());
        Assert.Equal("configured", body.GetProperty("page_token_key").GetString());
    }

    [Theory]
    [InlineData("/policies?all=1")]
    [InlineData("/config?verbose=true")]
    public async Task InfoEndpoints_UnknownParameter_Is400(string url)
    {
        using var client = _factory.CreateClient();

        var (status, body) = await HistoryApiFixture.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown parameter", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
