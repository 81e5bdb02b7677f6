namespace Enforcer.Core.Storage;

/// <summary>
/// A page of records and where the next one starts. <see cref="Next"/> is null when nothing further matches. A
/// page may hold fewer records than asked (even none) with a non-null <see cref="Next"/> when the store stopped
/// at its per-call scan budget; the caller simply asks again from <see cref="Next"/>.
/// </summary>
public sealed record RecordPage<T>(IReadOnlyList<T> Items, RecordCursor? Next);
