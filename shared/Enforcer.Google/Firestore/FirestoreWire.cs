using System.Text.Json;

namespace Enforcer.Google.Firestore;

/// <summary>Writes requests and reads documents in the Firestore v1 JSON wire format.</summary>
internal static class FirestoreWire
{
    public static void WriteWrite(Utf8JsonWriter w, FirestoreWrite write, string documentName)
    {
        w.WriteStartObject();
        switch (write.Kind)
        {
            case FirestoreWriteKind.Delete:
                w.WriteString("delete", documentName);
                break;
            case FirestoreWriteKind.Transform:
                w.WriteStartObject("transform");
                w.WriteString("document", documentName);
                WriteTransforms(w, "fieldTransforms", write.Transforms);
                w.WriteEndObject();
                break;
            default:
                w.WriteStartObject("update");
                w.WriteString("name", documentName);
                FirestoreValue.WriteFields(w, write.Fields);
                w.WriteEndObject();
                if (write.UpdateMask is { } mask)
                {
                    w.WriteStartObject("updateMask");
                    w.WriteStartArray("fieldPaths");
                    foreach (var path in mask)
                    {
                        w.WriteStringValue(path);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                if (write.Transforms.Count > 0)
                {
                    WriteTransforms(w, "updateTransforms", write.Transforms);
                }

                break;
        }

        if (write.Precondition is { } precondition)
        {
            w.WriteStartObject("currentDocument");
            if (precondition.Exists is { } exists)
            {
                w.WriteBoolean("exists", exists);
            }

            if (precondition.UpdateTime is { } updateTime)
            {
                w.WriteString("updateTime", FirestoreTimestamps.Format(updateTime));
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteTransforms(Utf8JsonWriter w, string property, IReadOnlyList<FieldTransform> transforms)
    {
        w.WriteStartArray(property);
        foreach (var t in transforms)
        {
            w.WriteStartObject();
            w.WriteString("fieldPath", t.FieldPath);
            if (t.Kind == FieldTransformKind.ServerTimestamp)
            {
                w.WriteString("setToServerValue", "REQUEST_TIME");
            }
            else
            {
                w.WritePropertyName(t.Kind switch
                {
                    FieldTransformKind.Increment => "increment",
                    FieldTransformKind.Maximum => "maximum",
                    FieldTransformKind.Minimum => "minimum",
                    FieldTransformKind.AppendMissingElements => "appendMissingElements",
                    FieldTransformKind.RemoveAllFromArray => "removeAllFromArray",
                    _ => throw new InvalidOperationException($"Unknown transform {t.Kind}."),
                });
                if (t.Kind is FieldTransformKind.AppendMissingElements or FieldTransformKind.RemoveAllFromArray)
                {
                    // These take an ArrayValue ({"values": [...]}), not a Value.
                    w.WriteStartObject();
                    w.WriteStartArray("values");
                    foreach (var item in t.Operand!.AsArray())
                    {
                        item.WriteTo(w);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    t.Operand!.WriteTo(w);
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteQuery(Utf8JsonWriter w, FirestoreQuery q)
    {
        w.WriteStartObject("structuredQuery");
        if (q.Select is { } select)
        {
            w.WriteStartObject("select");
            w.WriteStartArray("fields");
            foreach (var f in select)
            {
                WriteFieldReference(w, null, f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("from");
        w.WriteStartObject();
        w.WriteString("collectionId", q.CollectionId);
        if (q.AllDescendants)
        {
            w.WriteBoolean("allDescendants", true);
        }

        w.WriteEndObject();
        w.WriteEndArray();

        if (q.Filter is { } filter)
        {
            w.WritePropertyName("where");
            WriteFilter(w, filter);
        }

        if (q.Orders.Count > 0)
        {
            w.WriteStartArray("orderBy");
            foreach (var order in q.Orders)
            {
                w.WriteStartObject();
                WriteFieldReference(w, "field", order.FieldPath);
                w.WriteString("direction", order.Descending ? "DESCENDING" : "ASCENDING");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WriteCursor(w, "startAt", q.StartAt);
        WriteCursor(w, "endAt", q.EndAt);
        if (q.Offset is { } offset)
        {
            w.WriteNumber("offset", offset);
        }

        if (q.Limit is { } limit)
        {
            w.WriteNumber("limit", limit);
        }

        w.WriteEndObject();
    }

    private static void WriteCursor(Utf8JsonWriter w, string property, QueryCursor? cursor)
    {
        if (cursor is null)
        {
            return;
        }

        w.WriteStartObject(property);
        w.WriteStartArray("values");
        foreach (var v in cursor.Values)
        {
            v.WriteTo(w);
        }

        w.WriteEndArray();
        w.WriteBoolean("before", cursor.Before);
        w.WriteEndObject();
    }

    private static void WriteFieldReference(Utf8JsonWriter w, string? property, string fieldPath)
    {
        if (property is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(property);
        }

        w.WriteString("fieldPath", fieldPath);
        w.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter w, QueryFilter filter)
    {
        w.WriteStartObject();
        switch (filter)
        {
            case FieldFilter f:
                w.WriteStartObject("fieldFilter");
                WriteFieldReference(w, "field", f.FieldPath);
                w.WriteString("op", f.Operator switch
                {
                    FilterOperator.LessThan => "LESS_THAN",
                    FilterOperator.LessThanOrEqual => "LESS_THAN_OR_EQUAL",
                    FilterOperator.GreaterThan => "GREATER_THAN",
                    FilterOperator.GreaterThanOrEqual => "GREATER_THAN_OR_EQUAL",
                    FilterOperator.Equal => "EQUAL",
                    FilterOperator.NotEqual => "NOT_EQUAL",
                    FilterOperator.ArrayContains => "ARRAY_CONTAINS",
                    FilterOperator.In => "IN",
                    FilterOperator.ArrayContainsAny => "ARRAY_CONTAINS_ANY",
                    FilterOperator.NotIn => "NOT_IN",
                    _ => throw new InvalidOperationException($"Unknown operator {f.Operator}."),
                });
                w.WritePropertyName("value");
                f.Value.WriteTo(w);
                w.WriteEndObject();
                break;
            case UnaryFilter u:
                w.WriteStartObject("unaryFilter");
                w.WriteString("op", u.Operator switch
                {
                    UnaryOperator.IsNull => "IS_NULL",
                    UnaryOperator.IsNaN => "IS_NAN",
                    UnaryOperator.IsNotNull => "IS_NOT_NULL",
                    UnaryOperator.IsNotNaN => "IS_NOT_NAN",
                    _ => throw new InvalidOperationException($"Unknown operator {u.Operator}."),
                });
                WriteFieldReference(w, "field", u.FieldPath);
                w.WriteEndObject();
                break;
            case CompositeFilter c:
                w.WriteStartObject("compositeFilter");
                w.WriteString("op", c.Operator == CompositeOperator.And ? "AND" : "OR");
                w.WriteStartArray("filters");
                foreach (var part in c.Filters)
                {
                    WriteFilter(w, part);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unknown filter {filter.GetType().Name}.");
        }

        w.WriteEndObject();
    }

    /// <summary>Reads a Document message; <paramref name="rootPrefix"/> is "projects/P/databases/D/documents/".</summary>
    public static FirestoreDocument ReadDocument(JsonElement e, string rootPrefix)
    {
        var name = e.GetProperty("name").GetString()!;
        var path = name.StartsWith(rootPrefix, StringComparison.Ordinal) ? name[rootPrefix.Length..] : name;
        var fields = e.TryGetProperty("fields", out var f) ? FirestoreValue.ReadFields(f) : FirestoreValue.NoFields;
        return new FirestoreDocument(
            name,
            path,
            fields,
            ReadTime(e, "createTime") ?? default,
            ReadTime(e, "updateTime") ?? default);
    }

    public static DateTimeOffset? ReadTime(JsonElement e, string property) =>
        e.TryGetProperty(property, out var t) && t.ValueKind == JsonValueKind.String ? FirestoreTimestamps.Parse(t.GetString()!) : null;
}
