using System.Text.Json;
using Enforcer.Core.Storage;
using Enforcer.Functions.History;
using Enforcer.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enforcer.Functions.Tests.History;

/// <summary>
/// One emulator project seeded once for a test class: a thousand violations plus the evaluations, remediations and
/// events of one resource, served by the History host in memory (no caller checks: the auth tests cover those).
/// </summary>
public sealed class HistoryApiFixture(EmulatorFixture emulators) : IAsyncLifetime
{
    public const string PageTokenKey = "history-tests-page-token-key-0123456789abcdef";
    public const string Resource = "//storage.googleapis.com/bucket-0000";
    public const string Policy = "storage_bucket_versioning";

    private static readonly Lock SamplesGate = new();

    private WebApplicationFactory<HistoryFunction>? _factory;

    public IReadOnlyList<ViolationRecord> Violations { get; } = HistorySeed.Violations(1000);

    public IReadOnlyList<EvaluationRecord> Evaluations { get; } =
    [
        .. Enumerable.Range(0, 5).Select(i => HistorySeed.Evaluation($"ev-a{i}", Resource, Policy, 10 * i, compliant: i == 4)),
        HistorySeed.Evaluation("ev-b0", Resource, "sql_require_ssl", 15, compliant: false),
        HistorySeed.Evaluation("ev-b1", Resource, "sql_require_ssl", 25, compliant: false),
        HistorySeed.Evaluation("ev-c0", "//storage.googleapis.com/bucket-0001", Policy, 12, compliant: false),
    ];

    public IReadOnlyList<RemediationRecord> Remediations { get; } =
    [
        HistorySeed.Remediation("rem-a0", Resource, Policy, RemediationRecord.Failed, 11),
        HistorySeed.Remediation("rem-a1", Resource, Policy, RemediationRecord.DryRun, 21),
        HistorySeed.Remediation("rem-a2", Resource, Policy, RemediationRecord.Succeeded, 31),
        HistorySeed.Remediation("rem-b0", Resource, "sql_require_ssl", RemediationRecord.Succeeded, 16),
        HistorySeed.Remediation("rem-c0", "//storage.googleapis.com/bucket-0001", Policy, RemediationRecord.Succeeded, 13),
        HistorySeed.Remediation("rem-c1", "//storage.googleapis.com/bucket-0002", "sql_require_ssl", RemediationRecord.Skipped, 14),
    ];

    public IReadOnlyList<EventRecord> Events { get; } =
    [
        .. Enumerable.Range(0, 4).Select(i => HistorySeed.Event($"evt-a{i}", Resource, (10 * i) - 1)),
        HistorySeed.Event("evt-c0", "//storage.googleapis.com/bucket-0001", 11),
    ];

    public HttpClient CreateClient()
    {
        emulators.RequireFirestore();
        return _factory!.CreateClient();
    }

    public async ValueTask InitializeAsync()
    {
        if (emulators.FirestoreHost is null)
        {
            return;
        }

        var project = EmulatorFixture.NewProjectId();
        await HistorySeed.WriteAsync(emulators.CreateFirestoreClient(project), Violations, Evaluations, Remediations, Events, CancellationToken.None);
        _factory = new WebApplicationFactory<HistoryFunction>().WithWebHostBuilder(b =>
        {
            foreach (var (name, value) in emulators.EnvironmentFor(project))
            {
                b.UseSetting(name, value);
            }

            b.UseSetting("ENFORCER_STORE", "firestore");
            b.UseSetting("ENFORCER_HISTORY_AUTH", "none");
            b.UseSetting(HistoryApp.PageTokenKeyVariable, PageTokenKey);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>GETs a URL and returns the status with the parsed body.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // ENFORCER_API_SAMPLES=FILE records every exchange (docs/api.md's examples come from such a run).
        if (Environment.GetEnvironmentVariable("ENFORCER_API_SAMPLES") is { Length: > 0 } samples)
        {
            lock (SamplesGate)
            {
                File.AppendAllText(samples, $"### GET {url}\n{(int)response.StatusCode}\n{text}\n");
            }
        }

        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
