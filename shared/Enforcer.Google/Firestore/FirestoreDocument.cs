namespace Enforcer.Google.Firestore;

/// <summary>A document read from Firestore: its names, fields and server timestamps.</summary>
public sealed class FirestoreDocument
{
    public FirestoreDocument(string name, string path, IReadOnlyDictionary<string, FirestoreValue> fields, DateTimeOffset createTime, DateTimeOffset updateTime)
    {
        Name = name;
        Path = path;
        Fields = fields;
        CreateTime = createTime;
        UpdateTime = updateTime;
    }

    /// <summary>Full resource name: projects/P/databases/D/documents/collection/id.</summary>
    public string Name { get; }

    /// <summary>Path relative to the database root: collection/id[/sub/id...].</summary>
    public string Path { get; }

    /// <summary>The last path segment.</summary>
    public string Id => Path[(Path.LastIndexOf('/') + 1)..];

    public IReadOnlyDictionary<string, FirestoreValue> Fields { get; }

    public DateTimeOffset CreateTime { get; }

    /// <summary>Last write time; pass it to <see cref="Precondition.UpdatedAt"/> for optimistic concurrency.</summary>
    public DateTimeOffset UpdateTime { get; }

    /// <summary>A top-level field, or null when absent (a stored null is <see cref="FirestoreValue.Null"/>).</summary>
    public FirestoreValue? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    /// <summary>A nested field by dotted path (map keys only), or null when any step is absent.</summary>
    public FirestoreValue? GetField(string dottedPath)
    {
        var segments = dottedPath.Split('.');
        if (!Fields.TryGetValue(segments[0], out var current))
        {
            return null;
        }

        for (var i = 1; i < segments.Length; i++)
        {
            if (current.Kind != FirestoreValueKind.Map || !current.AsMap().TryGetValue(segments[i], out current))
            {
                return null;
            }
        }

        return current;
    }
}
