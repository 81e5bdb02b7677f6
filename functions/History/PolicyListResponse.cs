namespace Enforcer.Functions.History;

/// <summary>The /policies body: which engine answered and every policy it has loaded, sorted by id.</summary>
internal sealed record PolicyListResponse(string Engine, int Count, IReadOnlyList<PolicyView> Policies);
