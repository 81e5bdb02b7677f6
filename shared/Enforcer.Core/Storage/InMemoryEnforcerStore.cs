namespace Enforcer.Core.Storage;

/// <summary>The local default store: process memory, same semantics as the Firestore store.</summary>
public sealed partial class InMemoryEnforcerStore : IEnforcerStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EventRecord> _events = new(StringComparer.Ordinal);

    public Task<bool> TryRecordEventAsync(EventRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_events.TryAdd(record.Id, record));
        }
    }

    public Task<EventRecord?> GetEventAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_events.GetValueOrDefault(id));
        }
    }

    public Task<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IEnumerable<EventRecord> events = _events.Values;
            if (query.ResourceName is { } name)
            {
                events = events.Where(e => e.Resources.Any(r => r.Name == name));
            }

            if (query.After is { } after)
            {
                events = events.Where(e => e.ReceivedAt < after.ReceivedAt ||
                    (e.ReceivedAt == after.ReceivedAt && string.CompareOrdinal(e.Id, after.Id) < 0));
            }

            var page = events
                .OrderByDescending(e => e.ReceivedAt)
                .ThenByDescending(e => e.Id, StringComparer.Ordinal)
                .Take(query.Limit + 1)
                .ToList();
            var next = page.Count > query.Limit ? new EventCursor(page[query.Limit - 1].ReceivedAt, page[query.Limit - 1].Id) : null;
            if (page.Count > query.Limit)
            {
                page.RemoveAt(query.Limit);
            }

            return Task.FromResult(new EventPage(page, next));
        }
    }
}
