namespace Enforcer.FakeGoogle;

/// <summary>One request the fake served, for assertions such as "setIamPolicy was called exactly once".</summary>
/// <param name="Method">HTTP verb.</param>
/// <param name="Host">The API host the request was addressed to (first path segment).</param>
/// <param name="Path">Path after the host, e.g. <c>compute/v1/projects/p/zones/z/instances/i</c>.</param>
/// <param name="Query">Query string without '?', or empty.</param>
/// <param name="Body">Request body text, or empty.</param>
/// <param name="Status">Status code returned.</param>
/// <param name="AssetType">The catalog type served, when the request matched one.</param>
/// <param name="Operation">get, getIamPolicy, an allowlisted method name, operations.get, assets.list, or fault.</param>
public sealed record FakeCall(string Method, string Host, string Path, string Query, string Body, int Status, string? AssetType, string Operation);
