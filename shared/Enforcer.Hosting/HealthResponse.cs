namespace Enforcer.Hosting;

/// <summary>The body of the health endpoints.</summary>
public sealed record HealthResponse(string Status, string Function);
