namespace Enforcer.Core.Storage;

/// <summary>
/// Where the enforcer keeps its records. Firestore in production and over the emulator; an in-memory
/// implementation for local runs. One contract test suite runs against both.
/// Transient failures surface as <see cref="StoreUnavailableException"/>.
/// </summary>
public interface IEnforcerStore
{
    /// <summary>Records the event unless one with the same id exists; returns false for a duplicate.</summary>
    Task<bool> TryRecordEventAsync(EventRecord record, CancellationToken cancellationToken);

    Task<EventRecord?> GetEventAsync(string id, CancellationToken cancellationToken);

    Task<EventPage> ListEventsAsync(EventQuery query, CancellationToken cancellationToken);
}
