namespace Enforcer.Core.Storage;

/// <summary>A remediation request the enforcer gave up on, with the reason and the request as received.</summary>
public sealed record DeadLetterRecord(string Id, string RequestId, string PolicyId, string ResourceName, DateTimeOffset At, string Reason, int Attempts, string Request);
