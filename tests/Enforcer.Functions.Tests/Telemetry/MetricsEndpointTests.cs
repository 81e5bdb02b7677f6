using System.Net;
using Enforcer.Core.Telemetry;
using Enforcer.Functions.Evaluate;
using Enforcer.Functions.History;
using Enforcer.Hosting.Telemetry;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests.Telemetry;

/// <summary>/metrics of in-memory hosts: each serves its process's series; History adds every stored instance.</summary>
public sealed class MetricsEndpointTests : IClassFixture<WebApplicationFactory<EvaluateFunction>>, IClassFixture<WebApplicationFactory<HistoryFunction>>
{
    private readonly WebApplicationFactory<EvaluateFunction> _evaluate;
    private readonly WebApplicationFactory<HistoryFunction> _history;

    public MetricsEndpointTests(WebApplicationFactory<EvaluateFunction> evaluate, WebApplicationFactory<HistoryFunction> history)
    {
        _evaluate = evaluate.WithWebHostBuilder(b => b.UseSetting("ENFORCER_STORE", "memory").UseSetting(MetricsOptions.ExportSecondsVariable, "1"));
        _history = history.WithWebHostBuilder(b => b.UseSetting("ENFORCER_STORE", "memory").UseSetting("ENFORCER_HISTORY_AUTH", "none"));
    }

    [Fact]
    public async Task Metrics_OnEvaluate_ServesItsProcessSeriesInPrometheusText()
    {
        using var client = _evaluate.CreateClient();
        var kind = "test-" + Guid.NewGuid().ToString("N")[..8];
        EnforcerMetrics.EventsReceived.Add(2, new("function", "evaluate"), new("kind", kind), new("outcome", "completed"));
        EnforcerMetrics.ProcessingDuration.Record(0.2, new("function", "evaluate"), new("outcome", kind));

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var parsed = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, parsed.Sum("enforcer_events_received_total", ("function", "evaluate"), ("kind", kind)));
        Assert.Equal("counter", parsed.Families["enforcer_events_received_total"].Type);
        Assert.Equal(1, parsed.Sum("enforcer_processing_duration_seconds_bucket", ("outcome", kind), ("le", "0.25")));
        Assert.Equal(0, parsed.Sum("enforcer_processing_duration_seconds_bucket", ("outcome", kind), ("le", "0.1")));
        Assert.DoesNotContain(MetricsAggregator.InstancesMetric, parsed.Families.Keys);
    }

    [Fact]
    public async Task PeriodicExport_StoresThisInstanceSnapshot_WhichHistorySums()
    {
        using var evaluateClient = _evaluate.CreateClient();
        var kind = "export-" + Guid.NewGuid().ToString("N")[..8];
        EnforcerMetrics.EventsReceived.Add(5, new("function", "evaluate"), new("kind", kind), new("outcome", "completed"));

        InstanceMetrics? stored = null;
        for (var attempt = 0; attempt < 100 && stored is null; attempt++)
        {
            var entries = await InMemoryMetricsSnapshotStore.Shared.ReadAllAsync(TimeProvider.System.GetUtcNow(), TestContext.Current.CancellationToken);
            stored = entries.FirstOrDefault(e => e.Function == "evaluate" && PrometheusExposition.Parse(PrometheusTextWriter.Write(e.Snapshot)).Sum("enforcer_events_received_total", ("kind", kind)) == 5);
            if (stored is null)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(stored);
        Assert.Equal(MetricsInstance.Id, stored.InstanceId);

        using var historyClient = _history.CreateClient();
        using var response = await historyClient.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // One process, one instance: the stored entry and History's live view are the same instruments, counted once.
        Assert.Equal(5, parsed.Sum("enforcer_events_received_total", ("kind", kind)));
        Assert.True(parsed.Sum(MetricsAggregator.InstancesMetric, ("function", "history")) >= 1);
    }

    [Fact]
    public async Task Metrics_OnHistoryWithTokenAuth_NeedsACaller()
    {
        using var history = _history.WithWebHostBuilder(b => b.UseSetting("ENFORCER_HISTORY_AUTH", "token"));
        using var client = history.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
