using System.Text.Json.Serialization;

namespace Enforcer.Core.Requests;

/// <summary>Per-request switches from the seed's format: <c>enforce</c> (default true) and <c>delay_enforcement</c> (default false).</summary>
// Settable, not init-only: source-generated deserialization would otherwise reset omitted fields to false.
public sealed record ControlData
{
    /// <summary>False turns enforcement off for this request (evaluate and record only).</summary>
    [JsonPropertyName("enforce")]
    public bool Enforce { get; set; } = true;

    /// <summary>True applies the configured enforcement delay.</summary>
    [JsonPropertyName("delay_enforcement")]
    public bool DelayEnforcement { get; set; }
}
