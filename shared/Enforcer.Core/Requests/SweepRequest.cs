using System.Text.Json.Serialization;

namespace Enforcer.Core.Requests;

/// <summary>
/// One batch of a periodic sweep: a scope to list, optionally restricted to some asset types, and where the last
/// batch stopped. The scheduler sends the first (no page token); each batch returns the next until done.
/// </summary>
public sealed record SweepRequest
{
    /// <summary><c>organizations/{id}</c>, <c>folders/{id}</c> or <c>projects/{id}</c>.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>Asset types to list; empty means every CAI-listable catalog type.</summary>
    [JsonPropertyName("asset_types")]
    public IReadOnlyList<string>? AssetTypes { get; init; }

    /// <summary>Cloud Asset Inventory page token to resume from.</summary>
    [JsonPropertyName("page_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PageToken { get; init; }

    /// <summary>Identifies the sweep run across its batches (goes into each request's metadata).</summary>
    [JsonPropertyName("sweep_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SweepId { get; init; }
}
