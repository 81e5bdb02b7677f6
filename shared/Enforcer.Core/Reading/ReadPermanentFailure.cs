namespace Enforcer.Core.Reading;

/// <summary>Any other failure that retrying will not fix (400, 401, bad identifiers, unknown type).</summary>
public sealed record ReadPermanentFailure(int? Status, string Message) : ReadOutcome;
