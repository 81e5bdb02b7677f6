using System.Text.Json.Serialization;

namespace Enforcer.Hosting.Telemetry;

/// <summary>Source-generated JSON for snapshots stored in Firestore.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MetricSnapshot))]
internal sealed partial class TelemetryJsonContext : JsonSerializerContext;
