namespace Enforcer.Hosting;

/// <summary>A rejection: the one-line reason a request was refused.</summary>
public sealed record ErrorResponse(string Error);
