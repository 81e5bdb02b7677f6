namespace Enforcer.Google.Firestore;

/// <summary>Comparison operators of a field filter (StructuredQuery.FieldFilter.Operator).</summary>
public enum FilterOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
    ArrayContains,
    In,
    ArrayContainsAny,
    NotIn,
}
