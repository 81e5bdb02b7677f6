using System.Net;
using System.Text;
using Enforcer.Functions.Tests.EndToEnd;
using Enforcer.Hosting.Telemetry;
using Enforcer.TestSupport;

namespace Enforcer.Functions.Tests.Telemetry;

/// <summary>
/// Metrics across processes over the Firestore emulator: Evaluate and History run as separate hosts, Evaluate stores
/// its snapshot every second, and History's /metrics counts what Evaluate received.
/// </summary>
public sealed class MetricsEndToEndTests(EmulatorFixture emulators)
{
    private const int Sent = 3;

    [Fact]
    public async Task HistoryMetrics_CountEventsDeliveredToASeparateEvaluateProcess()
    {
        emulators.RequireFirestore();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var google = new GoogleStandIn();
        await google.InitializeAsync();
        var environment = new Dictionary<string, string>(emulators.EnvironmentFor(EmulatorFixture.NewProjectId()))
        {
            ["ENFORCER_STORE"] = "firestore",
            [MetricsOptions.ExportSecondsVariable] = "1",
            ["ENFORCER_HISTORY_AUTH"] = "none",
            ["ENFORCER_GOOGLE_API_ROOT"] = google.ApiRoot,
        };

        await using var evaluate = await HostProcess.StartAsync("Evaluate", environment, cancellationToken);
        await using var history = await HostProcess.StartAsync("History", environment, cancellationToken);
        using var historyClient = new HttpClient { BaseAddress = history.BaseAddress };
        var before = await EvaluateEventsAsync(historyClient, cancellationToken);

        using var evaluateClient = new HttpClient { BaseAddress = evaluate.BaseAddress };
        var request = Fixture.Read("bucket-sweep.request.json");
        for (var i = 0; i < Sent; i++)
        {
            using var content = new StringContent(DeliveryBuilder.PubSubEnvelope(request, messageId: $"metrics-{i}-{Guid.NewGuid():N}"), Encoding.UTF8, "application/json");
            using var response = await evaluateClient.PostAsync(new Uri("/", UriKind.Relative), content, cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"delivery {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var after = before;
        for (var attempt = 0; attempt < 100 && after < before + Sent; attempt++)
        {
            await Task.Delay(200, cancellationToken);
            after = await EvaluateEventsAsync(historyClient, cancellationToken);
        }

        Assert.True(after == before + Sent, $"History counted {after - before} of {Sent} events; evaluate output:\n{string.Join('\n', evaluate.OutputLines)}");
    }

    private static async Task<double> EvaluateEventsAsync(HttpClient history, CancellationToken cancellationToken)
    {
        using var response = await history.GetAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return parsed.Sum("enforcer_events_received_total", ("function", "evaluate"));
    }
}
