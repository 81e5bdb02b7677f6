namespace Enforcer.Google.Firestore;

/// <summary>Combines filters with AND or OR.</summary>
public sealed record CompositeFilter(CompositeOperator Operator, IReadOnlyList<QueryFilter> Filters) : QueryFilter;
