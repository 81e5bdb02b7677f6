namespace Enforcer.Google.Firestore;

/// <summary>A query filter: a field comparison, a unary test, or an AND/OR of filters.</summary>
public abstract record QueryFilter
{
    private protected QueryFilter()
    {
    }

    public static QueryFilter Field(string fieldPath, FilterOperator op, FirestoreValue value) => new FieldFilter(fieldPath, op, value);

    public static QueryFilter Unary(string fieldPath, UnaryOperator op) => new UnaryFilter(fieldPath, op);

    public static QueryFilter And(params QueryFilter[] filters) => new CompositeFilter(CompositeOperator.And, filters);

    public static QueryFilter Or(params QueryFilter[] filters) => new CompositeFilter(CompositeOperator.Or, filters);
}
