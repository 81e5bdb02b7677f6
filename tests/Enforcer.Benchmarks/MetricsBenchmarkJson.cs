using System.Text.Json.Serialization;
using Enforcer.Hosting.Telemetry;

namespace Enforcer.Benchmarks;

/// <summary>The stored snapshot format (as FirestoreMetricsSnapshotStore writes it), for the metrics benchmark.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetricSnapshot))]
internal sealed partial class MetricsBenchmarkJson : JsonSerializerContext;
