namespace Enforcer.Google.Firestore;

/// <summary>
/// An immutable structured query over one collection id (optionally all collections with that id
/// below the parent). Fluent methods return a new query:
/// <c>new FirestoreQuery("violations").Where("severity", FilterOperator.Equal, "HIGH").OrderBy("time", descending: true) with { Limit = 50 }</c>.
/// </summary>
public sealed record FirestoreQuery(string CollectionId)
{
    /// <summary>Query every collection named <see cref="CollectionId"/> under the parent (a collection group).</summary>
    public bool AllDescendants { get; init; }

    public QueryFilter? Filter { get; init; }

    public IReadOnlyList<QueryOrder> Orders { get; init; } = [];

    /// <summary>Field paths to return; null returns whole documents.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    public QueryCursor? StartAt { get; init; }

    public QueryCursor? EndAt { get; init; }

    public int? Offset { get; init; }

    public int? Limit { get; init; }

    /// <summary>Adds a field filter, ANDed with any existing filter.</summary>
    public FirestoreQuery Where(string fieldPath, FilterOperator op, FirestoreValue value) => Where(QueryFilter.Field(fieldPath, op, value));

    /// <summary>Adds a filter, ANDed with any existing filter.</summary>
    public FirestoreQuery Where(QueryFilter filter) => this with
    {
        Filter = Filter switch
        {
            null => filter,
            CompositeFilter { Operator: CompositeOperator.And } and => and with { Filters = [.. and.Filters, filter] },
            _ => QueryFilter.And(Filter, filter),
        },
    };

    public FirestoreQuery OrderBy(string fieldPath, bool descending = false) => this with { Orders = [.. Orders, new QueryOrder(fieldPath, descending)] };

    /// <summary>Starts at (including) the position given by one value per ordering key.</summary>
    public FirestoreQuery StartingAt(params FirestoreValue[] values) => this with { StartAt = new QueryCursor(values, Before: true) };

    /// <summary>Starts after the position given by one value per ordering key.</summary>
    public FirestoreQuery StartingAfter(params FirestoreValue[] values) => this with { StartAt = new QueryCursor(values, Before: false) };

    /// <summary>Ends at (including) the position given by one value per ordering key.</summary>
    public FirestoreQuery EndingAt(params FirestoreValue[] values) => this with { EndAt = new QueryCursor(values, Before: false) };

    /// <summary>Ends before the position given by one value per ordering key.</summary>
    public FirestoreQuery EndingBefore(params FirestoreValue[] values) => this with { EndAt = new QueryCursor(values, Before: true) };

    /// <summary>
    /// The next page after <paramref name="last"/>, a document this query returned. Adds the document
    /// name as the final ordering key when missing, so pages never skip or repeat equal values.
    /// </summary>
    public FirestoreQuery StartingAfter(FirestoreDocument last)
    {
        var orders = Orders;
        if (orders.Count == 0 || orders[^1].FieldPath != FieldPaths.DocumentName)
        {
            orders = [.. orders, new QueryOrder(FieldPaths.DocumentName, orders.Count > 0 && orders[^1].Descending)];
        }

        var values = orders.Select(o => o.FieldPath == FieldPaths.DocumentName
            ? FirestoreValue.FromReference(last.Name)
            : last.GetField(o.FieldPath) ?? throw new ArgumentException($"Document {last.Path} has no field '{o.FieldPath}' to page by.", nameof(last)));
        return this with { Orders = orders, StartAt = new QueryCursor(values.ToArray(), Before: false) };
    }
}
