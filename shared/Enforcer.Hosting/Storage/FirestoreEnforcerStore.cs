using Enforcer.Core.Storage;
using Enforcer.Google.Errors;
using Enforcer.Google.Firestore;

namespace Enforcer.Hosting.Storage;

/// <summary>
/// <see cref="IEnforcerStore"/> on Firestore (REST). Events live in the <c>events</c> collection, one
/// document per event id; creation uses the "must not exist" precondition, so concurrent duplicate
/// deliveries record an event exactly once. Each document carries <c>expire_at</c> for the TTL policy.
/// </summary>
public sealed partial class FirestoreEnforcerStore(FirestoreClient client, FirestoreStoreOptions options) : IEnforcerStore
{
    public const string EventsCollection = "events";

    public async Task<bool> TryRecordEventAsync(EventRecord record, CancellationToken cancellationToken)
    {
        var result = await Guard(() => client.CreateAsync(EventsCollection + "/" + record.Id, EventDocuments.ToFields(record, options.Retention), cancellationToken)).ConfigureAwait(false);
        return result.Status switch
        {
            WriteStatus.Ok => true,
            WriteStatus.AlreadyExists => false,
            _ => throw new StoreUnavailableException($"recording event {record.Id} failed: {result.Status} {result.Error?.Message}"),
        };
    }

    public async Task<EventRecord?> GetEventAsync(string id, CancellationToken cancellationToken)
    {
        var document = await Guard(() => client.GetAsync(EventsCollection + "/" + id, cancellationToken)).ConfigureAwait(false);
        return document is null ? null : EventDocuments.FromDocument(document);
    }

    public async Task<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var firestoreQuery = new FirestoreQuery(EventsCollection) { Limit = query.Limit + 1 };
        if (query.ResourceName is { } name)
        {
            firestoreQuery = firestoreQuery.Where("resource_names", FilterOperator.ArrayContains, name);
        }

        firestoreQuery = firestoreQuery.OrderBy("received_at", descending: true).OrderBy(FieldPaths.DocumentName, descending: true);
        if (query.After is { } after)
        {
            firestoreQuery = firestoreQuery.StartingAfter(
                FirestoreValue.FromTimestamp(after.ReceivedAt),
                client.Reference(EventsCollection + "/" + after.Id));
        }

        var documents = await Guard(() => client.RunQueryAsync(firestoreQuery, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var events = documents.Take(query.Limit).Select(EventDocuments.FromDocument).ToList();
        var next = documents.Count > query.Limit ? new EventCursor(events[^1].ReceivedAt, events[^1].Id) : null;
        return new EventPage(events, next);
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (ex.IsTransient)
        {
            throw new StoreUnavailableException(ex.Message, ex);
        }
    }
}
