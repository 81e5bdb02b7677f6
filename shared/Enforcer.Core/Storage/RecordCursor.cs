namespace Enforcer.Core.Storage;

/// <summary>
/// Position after the last record of a page in a newest-first listing: records sort by (time desc, id desc),
/// where the time is the listing's own field (violations: updated_at, evaluations: evaluated_at, remediations: claimed_at).
/// </summary>
public sealed record RecordCursor(DateTimeOffset At, string Id);
