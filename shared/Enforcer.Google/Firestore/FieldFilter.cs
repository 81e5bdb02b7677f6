namespace Enforcer.Google.Firestore;

/// <summary>Compares a field with a value.</summary>
public sealed record FieldFilter(string FieldPath, FilterOperator Operator, FirestoreValue Value) : QueryFilter;
