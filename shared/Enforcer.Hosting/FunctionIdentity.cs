namespace Enforcer.Hosting;

/// <summary>The name of the function a host serves (evaluate, remediate, history), for logs and health.</summary>
public sealed record FunctionIdentity(string Name);
