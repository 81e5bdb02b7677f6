using System.Text.Json.Serialization;

namespace Enforcer.Core.Requests;

/// <summary>Source-generated JSON for evaluation and sweep requests.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvaluationRequest))]
[JsonSerializable(typeof(SweepRequest))]
[JsonSerializable(typeof(string))]
public sealed partial class RequestJsonContext : JsonSerializerContext;
