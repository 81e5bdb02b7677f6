namespace Enforcer.Enforcement.Remediation;

/// <summary>Something an operator must look at (a quarantine, a dead-lettered request).</summary>
public sealed record Alert(string Kind, string ResourceName, string PolicyId, string Message, DateTimeOffset At);
