namespace Enforcer.Functions.History;

/// <summary>The caller checks as /config shows them (principals and audiences are not secrets).</summary>
internal sealed record ConfigAuth(string Mode, IReadOnlyList<string> AllowedPrincipals, IReadOnlyList<string> Audiences, IReadOnlyList<string> Issuers, string JwksUrl);
