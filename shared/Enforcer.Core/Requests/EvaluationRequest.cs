using System.Text.Json.Serialization;

namespace Enforcer.Core.Requests;

/// <summary>
/// A request to evaluate one resource now, in the seed's CAI format:
/// <c>{"name": full resource name, "asset_type", "project_id"?, "metadata": {"src", ...}, "control_data"?: {"enforce", "delay_enforcement"}}</c>.
/// The sweep publishes these; any publisher may.
/// </summary>
public sealed record EvaluationRequest
{
    /// <summary>The CAI full resource name, e.g. <c>//storage.googleapis.com/my-bucket</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The CAI asset type.</summary>
    [JsonPropertyName("asset_type")]
    public required string AssetType { get; init; }

    /// <summary>The project, for types whose name lacks it (buckets).</summary>
    [JsonPropertyName("project_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProjectId { get; init; }

    /// <summary>Who asked and why; <c>src</c> is required by the format.</summary>
    [JsonPropertyName("metadata")]
    public EvaluationRequestMetadata? Metadata { get; init; }

    /// <summary>Per-request enforcement switches.</summary>
    [JsonPropertyName("control_data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ControlData? ControlData { get; init; }
}
