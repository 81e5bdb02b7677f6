namespace Enforcer.Core.History;

/// <summary>What an events page token carries: the cursor and the filter it was issued for.</summary>
public sealed record PageTokenPayload(long T, string I, string? R);
