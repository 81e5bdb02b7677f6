using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enforcer.Core.Requests;

/// <summary>The request's <c>metadata</c>: a required <c>src</c> plus any extra keys, kept as they came.</summary>
public sealed class EvaluationRequestMetadata
{
    /// <summary>Who published the request, e.g. <c>sweep</c>.</summary>
    [JsonPropertyName("src")]
    public string? Src { get; init; }

    /// <summary>Other keys (sweep scope, read time, ...).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
