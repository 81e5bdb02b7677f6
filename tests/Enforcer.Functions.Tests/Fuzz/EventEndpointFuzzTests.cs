using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Enforcer.Functions.Evaluate;
using Enforcer.Functions.Remediate;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// Sends generated malformed deliveries (<see cref="MalformedRequestGenerator"/>) to the Evaluate and
/// Remediate hosts in memory, with the in-memory store and the Google API root pointed at a closed
/// port. Every answer must match its case (<see cref="FuzzVerdict"/>): garbage is refused with a 4xx
/// and a one-line JSON reason before business code runs; deliveries that are well-formed but mean
/// nothing are acknowledged with an "ignored" (or "permanent") outcome; nothing gets a 5xx, nothing
/// is logged at Error, and the host still answers /healthz at the end.
/// Size and seed: <see cref="FuzzSettings"/> (ENFORCER_FUZZ_COUNT, ENFORCER_FUZZ_SEED).
/// </summary>
public sealed class EventEndpointFuzzTests
{
    private const int Parallelism = 4;
    private const int FailuresShown = 5;

    [Fact]
    public Task Post_GeneratedMalformedDeliveries_Evaluate_RefusedOrIgnoredAndHostKeepsServing() =>
        RunAsync(new WebApplicationFactory<EvaluateFunction>(), FuzzTarget.Evaluate);

    [Fact]
    public Task Post_GeneratedMalformedDeliveries_Remediate_RefusedOrIgnoredAndHostKeepsServing() =>
        RunAsync(new WebApplicationFactory<RemediateFunction>(), FuzzTarget.Remediate);

    private static async Task RunAsync<TEntry>(WebApplicationFactory<TEntry> baseFactory, FuzzTarget target)
        where TEntry : class
    {
        var settings = FuzzSettings.FromEnvironment();
        var output = TestContext.Current.TestOutputHelper;
        var cancellationToken = TestContext.Current.CancellationToken;
        var errors = new ErrorLogCollector();
        await using var factory = baseFactory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ENFORCER_STORE", "memory");
            // Nothing listens on the discard port: a request that got as far as reading a resource would fail there.
            builder.UseSetting("ENFORCER_GOOGLE_API_ROOT", "http://127.0.0.1:9/");
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(errors);
            });
        });
        await baseFactory.DisposeAsync();
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);

        var generator = new MalformedRequestGenerator(target, settings.Seed, maxBodyBytes: 10 * 1024 * 1024);
        var failures = new ConcurrentQueue<(FuzzCase Case, string Problem)>();
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var fuzzCase = generator.Create(index);
                counts.AddOrUpdate($"{fuzzCase.Category} -> {fuzzCase.Expected}", 1, (_, n) => n + 1);
                string? problem;
                try
                {
                    using var request = fuzzCase.Request.ToHttpRequestMessage();
                    using var response = await client.SendAsync(request, token);
                    var body = await response.Content.ReadAsByteArrayAsync(token);
                    problem = FuzzVerdict.Check(fuzzCase, response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
                {
                    // In memory, the server's unhandled exceptions surface here instead of as a 500.
                    problem = $"request failed: {ex.GetType().Name}: {ex.Message}";
                }

                if (problem is not null)
                {
                    failures.Enqueue((fuzzCase, problem));
                }
            });
        clock.Stop();

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);

        var summary = new StringBuilder()
            .Append(target.Name).Append(": ").Append(settings.Count).Append(" requests, seed ").Append(settings.Seed)
            .Append(", ").Append(clock.ElapsedMilliseconds).Append(" ms, ").Append(failures.Count).AppendLine(" wrong answers");
        foreach (var (key, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            summary.Append("  ").Append(key).Append(": ").Append(count).AppendLine();
        }

        output?.WriteLine(summary.ToString());
        var report = new StringBuilder();
        // The first failure of each category first, so one frequent problem does not hide the others.
        var shown = failures.OrderBy(f => f.Case.Index).GroupBy(f => f.Case.Category).Select(g => g.First())
            .Concat(failures.OrderBy(f => f.Case.Index)).Distinct().Take(FailuresShown);
        foreach (var (fuzzCase, problem) in shown)
        {
            report.AppendLine(Explain(fuzzCase, settings.Seed, problem));
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {settings.Count} answers were wrong ({FuzzSettings.SeedVariable}={settings.Seed}); first of each kind:\n{report}");
        Assert.True(errors.Errors.Count == 0, $"the host logged errors ({FuzzSettings.SeedVariable}={settings.Seed}):\n{string.Join('\n', errors.Errors.Take(FailuresShown))}");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Explain(FuzzCase fuzzCase, int seed, string problem) =>
        $"case {fuzzCase.Index} (seed {seed}) [{fuzzCase.Category}] {fuzzCase.Detail}: {problem}\n{fuzzCase.Request.Describe()}\n";
}
