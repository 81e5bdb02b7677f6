namespace Enforcer.Core.Reading;

/// <summary>Whether to let the platform redeliver (answer 5xx) or give up (record and acknowledge).</summary>
public sealed record RetryDecision(bool Retry, string Reason);
