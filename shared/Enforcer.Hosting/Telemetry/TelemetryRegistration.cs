using Enforcer.Core.Telemetry;
using Enforcer.Google.Firestore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry metrics for a function host: the enforcer's meter, a pull reader for /metrics, a periodic reader
/// that stores this instance's snapshot for History, and an OTLP exporter when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>Bucket bounds (seconds) for the duration histograms: 5 ms to a minute.</summary>
    public static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    public static IServiceCollection AddEnforcerTelemetry(this IServiceCollection services, IConfiguration configuration, string function)
    {
        var options = MetricsOptions.Read(configuration, function);
        services.AddSingleton(options);
        services.AddSingleton<ProcessMetrics>();
        services.AddSingleton<MetricsSnapshotPublisher>();
        services.AddSingleton<IMetricsSnapshotStore>(provider => UsesFirestore(configuration)
            ? new FirestoreMetricsSnapshotStore(provider.GetService<FirestoreClient>() ?? ConnectFirestore(configuration, provider))
            : InMemoryMetricsSnapshotStore.Shared);

        var exportMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("enforcer-" + function, serviceInstanceId: MetricsInstance.Id))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EnforcerMetrics.MeterName);
                metrics.AddView(EnforcerMetrics.ProcessingDuration.Name, new ExplicitBucketHistogramConfiguration { Boundaries = DurationBuckets });
                metrics.AddView(EnforcerMetrics.PolicyEvaluationDuration.Name, new ExplicitBucketHistogramConfiguration { Boundaries = DurationBuckets });
                metrics.AddReader(provider => provider.GetRequiredService<ProcessMetrics>().Reader);
                metrics.AddReader(provider =>
                {
                    var publisher = provider.GetRequiredService<MetricsSnapshotPublisher>();
                    return new PeriodicExportingMetricReader(new SnapshotExporter(publisher.Publish), exportMilliseconds, (int)MetricsSnapshotPublisher.WriteTimeout.TotalMilliseconds)
                    {
                        TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
                    };
                });
                if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                {
                    // The exporter reads the OTEL_EXPORTER_OTLP_* variables itself (endpoint, protocol, headers).
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// GET /metrics in Prometheus text format: this process's series, or, on History, the sum over every stored
    /// instance snapshot (503 when the store cannot be read).
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MetricsOptions>();
        var process = app.Services.GetRequiredService<ProcessMetrics>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Enforcer.Metrics");
        app.MapGet("/metrics", async context =>
        {
            var snapshot = process.Collect();
            if (options.ServesAllInstances)
            {
                var store = context.RequestServices.GetRequiredService<IMetricsSnapshotStore>();
                var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                try
                {
                    var stored = await store.ReadAllAsync(now, context.RequestAborted).ConfigureAwait(false);
                    snapshot = MetricsAggregator.Aggregate(stored, MetricsInstance.Id, options.Function, snapshot);
                }
                catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
                {
                    logger.LogWarning("Reading the stored metrics snapshots failed: {Reason}", e.Message);
                    await Results.Json(new ErrorResponse("the stored metrics could not be read"), HostingJsonContext.Default.ErrorResponse, statusCode: StatusCodes.Status503ServiceUnavailable)
                        .ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
            }

            await Results.Text(PrometheusTextWriter.Write(snapshot), PrometheusTextWriter.ContentType).ExecuteAsync(context).ConfigureAwait(false);
        });
        return app;
    }

    // The same choice as the enforcer store (StoreRegistration): Firestore on Cloud Run or with an emulator, unless overridden.
    private static bool UsesFirestore(IConfiguration configuration) => configuration["ENFORCER_STORE"] is { } choice
        ? choice.Equals("firestore", StringComparison.OrdinalIgnoreCase)
        : !string.IsNullOrEmpty(configuration["K_SERVICE"]) || !string.IsNullOrEmpty(configuration["FIRESTORE_EMULATOR_HOST"]);

    private static FirestoreClient ConnectFirestore(IConfiguration configuration, IServiceProvider provider)
    {
        var options = FirestoreClientOptions.FromEnvironment(configuration["GOOGLE_CLOUD_PROJECT"], name => configuration[name]);
        // ConnectAsync only resolves credentials; blocking once at start-up keeps DI synchronous.
        return FirestoreClient.ConnectAsync(options, provider.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult();
    }
}
