using System.Text.Json.Serialization;
using Enforcer.Hosting;

namespace Enforcer.Functions.History;

/// <summary>Source-generated JSON for the bodies only this host produces (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyListResponse))]
[JsonSerializable(typeof(ConfigResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class HistoryHostJsonContext : JsonSerializerContext;
