using System.Text.Json.Serialization;

namespace Enforcer.Google.Errors;

/// <summary>Wire shape of Google's JSON error body: {"error":{"code","message","status"}}.</summary>
internal sealed class GoogleErrorEnvelope
{
    [JsonPropertyName("error")]
    public GoogleErrorBody? Error { get; set; }
}

internal sealed class GoogleErrorBody
{
    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
