using System.Text.Json.Nodes;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>A valid payload the generator starts from, and how it may be damaged.</summary>
/// <param name="Name">Shown in case details.</param>
/// <param name="Json">The captured payload.</param>
/// <param name="Transports">The transports it may arrive by (see <see cref="MalformedRequestGenerator"/>).</param>
/// <param name="UniqueIdPath">A string field made unique per case, so no case is a duplicate of another.</param>
/// <param name="Fields">Fields whose wrong type has a known answer.</param>
/// <param name="Secondary">Fields damaged only together with an ignoring one, to exercise their readers.</param>
/// <param name="BothWrongIsRejected">Fields of which one must be right to pass the shape check.</param>
internal sealed record FuzzPayload(
    string Name,
    string Json,
    IReadOnlyList<string> Transports,
    string? UniqueIdPath,
    IReadOnlyList<PayloadField> Fields,
    IReadOnlyList<string> Secondary,
    IReadOnlyList<string> BothWrongIsRejected)
{
    public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();
}
