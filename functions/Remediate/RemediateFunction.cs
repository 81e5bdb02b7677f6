namespace Enforcer.Functions.Remediate;

/// <summary>Marks this assembly for tests that host it in memory (WebApplicationFactory).</summary>
public sealed class RemediateFunction;
