namespace Enforcer.Google.Firestore;

/// <summary>One ordering key of a query.</summary>
public sealed record QueryOrder(string FieldPath, bool Descending = false);
