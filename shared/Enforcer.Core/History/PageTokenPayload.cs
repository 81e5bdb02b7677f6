namespace Enforcer.Core.History;

/// <summary>What a page token carries: the listing, a fingerprint of its filters and one position per source.</summary>
/// <param name="Q">The listing (events, violations, remediations, timeline).</param>
/// <param name="F">Fingerprint of the normalized filters the token was issued for.</param>
/// <param name="P">Where each source of the listing continues (timelines have three sources, listings one).</param>
public sealed record PageTokenPayload(string Q, string F, IReadOnlyList<PageTokenPosition> P);
