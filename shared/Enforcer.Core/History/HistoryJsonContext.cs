using System.Text.Json.Serialization;
using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>Source-generated JSON for History API bodies (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventListResponse))]
[JsonSerializable(typeof(EventRecord))]
[JsonSerializable(typeof(ViolationListResponse))]
[JsonSerializable(typeof(ViolationDetailResponse))]
[JsonSerializable(typeof(RemediationListResponse))]
[JsonSerializable(typeof(TimelineResponse))]
[JsonSerializable(typeof(SummaryResponse))]
[JsonSerializable(typeof(PageTokenPayload))]
public sealed partial class HistoryJsonContext : JsonSerializerContext;
