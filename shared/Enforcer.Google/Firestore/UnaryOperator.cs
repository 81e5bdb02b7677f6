namespace Enforcer.Google.Firestore;

/// <summary>Operators of a unary filter (StructuredQuery.UnaryFilter.Operator).</summary>
public enum UnaryOperator
{
    IsNull,
    IsNaN,
    IsNotNull,
    IsNotNaN,
}
