using Enforcer.Core.Storage;
using Enforcer.Google.Firestore;

namespace Enforcer.Hosting.Storage;

/// <summary>Maps <see cref="EventRecord"/> to and from Firestore document fields (snake_case, as the indexes name them).</summary>
internal static class EventDocuments
{
    public static Dictionary<string, FirestoreValue> ToFields(EventRecord record, TimeSpan retention)
    {
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            ["received_at"] = FirestoreValue.FromTimestamp(record.ReceivedAt),
            ["expire_at"] = FirestoreValue.FromTimestamp(record.ReceivedAt + retention),
            ["kind"] = record.Kind,
            ["outcome"] = record.Outcome,
            ["resources"] = FirestoreValue.FromArray(record.Resources.Select(r => FirestoreValue.FromMap(new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
            {
                ["asset_type"] = r.AssetType,
                ["name"] = r.Name,
                ["operation"] = r.Operation,
            }))),
            ["resource_names"] = FirestoreValue.FromArray(record.Resources.Select(r => r.Name).Distinct(StringComparer.Ordinal).Select(FirestoreValue.FromString)),
        };
        AddIfPresent(fields, "insert_id", record.InsertId);
        AddIfPresent(fields, "delivery_id", record.DeliveryId);
        AddIfPresent(fields, "method_name", record.MethodName);
        AddIfPresent(fields, "service_name", record.ServiceName);
        AddIfPresent(fields, "principal", record.Principal);
        AddIfPresent(fields, "reason", record.Reason);
        if (record.EventTime is { } eventTime)
        {
            fields["event_time"] = FirestoreValue.FromTimestamp(eventTime);
        }

        return fields;
    }

    public static EventRecord FromDocument(FirestoreDocument document)
    {
        string? Text(string field) => document[field]?.TryGetString();
        var resources = document["resources"] is { Kind: FirestoreValueKind.Array } array
            ? array.AsArray()
                .Where(v => v.Kind == FirestoreValueKind.Map)
                .Select(v => v.AsMap())
                .Select(m => new EventResource(
                    m.GetValueOrDefault("asset_type")?.TryGetString() ?? string.Empty,
                    m.GetValueOrDefault("name")?.TryGetString() ?? string.Empty,
                    m.GetValueOrDefault("operation")?.TryGetString() ?? string.Empty))
                .ToList()
            : [];
        return new EventRecord(
            document.Id,
            document["received_at"]?.TryGetTimestamp() ?? document.CreateTime,
            Text("kind") ?? "unknown",
            Text("insert_id"),
            Text("delivery_id"),
            document["event_time"]?.TryGetTimestamp(),
            Text("method_name"),
            Text("service_name"),
            Text("principal"),
            Text("outcome") ?? "unknown",
            Text("reason"),
            resources);
    }

    private static void AddIfPresent(Dictionary<string, FirestoreValue> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
