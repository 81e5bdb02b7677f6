namespace Enforcer.Google.Firestore;

/// <summary>Tests a field for null or NaN.</summary>
public sealed record UnaryFilter(string FieldPath, UnaryOperator Operator) : QueryFilter;
