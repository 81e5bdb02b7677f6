using System.Text.Json.Serialization;

namespace Enforcer.Hosting;

/// <summary>Source-generated JSON for the hosts' own response bodies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(EventResponse))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
