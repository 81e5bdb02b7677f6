namespace Enforcer.Google.Firestore;

/// <summary>
/// A position in the query's order, one value per ordering key. <paramref name="Before"/> true means
/// the position is just before the values (startAt / endBefore), false just after (startAfter / endAt).
/// </summary>
public sealed record QueryCursor(IReadOnlyList<FirestoreValue> Values, bool Before);
