using System.Globalization;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Processing;
using Enforcer.Core.Storage;

namespace Enforcer.Core.Evaluation;

/// <summary>
/// The Evaluate function's service: maps a LogEntry or evaluation request to the resources it touched
/// and records the event once (keyed by insertId, else by delivery id). Policy decisions are added by
/// the policy engine stage; events that map to nothing are recorded as ignored with their reason, so
/// every delivery is accounted for.
/// </summary>
public sealed class EvaluationService(IEnforcerStore store, EventMapper mapper, TimeProvider timeProvider) : IEventProcessor
{
    public async Task<ProcessingOutcome> ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var mapping = mapper.Map(envelope.Payload);
        var (metadata, resources, ignored) = mapping switch
        {
            MappedEvent mapped => (mapped.Metadata, mapped.Resources, (IgnoredEvent?)null),
            IgnoredEvent skip => (skip.Metadata, (IReadOnlyList<ResourceRef>)[], skip),
            _ => throw new InvalidOperationException($"unknown mapping outcome {mapping.GetType().Name}"),
        };

        var kind = metadata?.Source == EventSource.EvaluationRequest ? "evaluation_request" : "audit_log";
        var id = metadata?.InsertId is { Length: > 0 } insertId
            ? EventIds.ForLogEntry(insertId, metadata.Timestamp?.ToString("O", CultureInfo.InvariantCulture))
            : envelope.DeliveryId is { Length: > 0 } deliveryId
                ? EventIds.ForDelivery(kind, deliveryId)
                : EventIds.ForPayload(kind, envelope.Payload);

        var record = new EventRecord(
            id,
            Timestamps.Now(timeProvider),
            kind,
            metadata?.InsertId,
            envelope.DeliveryId,
            metadata?.Timestamp ?? envelope.PublishTime,
            metadata?.MethodName,
            metadata?.ServiceName,
            metadata?.PrincipalEmail,
            ignored is null ? "mapped" : "ignored",
            ignored is null ? null : $"{ignored.Reason}: {ignored.Message}",
            [.. resources.Select(r => new EventResource(r.AssetType, r.FullName, r.Deleted ? "delete" : r.Operation.ToString().ToLowerInvariant()))]);

        bool created;
        try
        {
            created = await store.TryRecordEventAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            return ProcessingOutcome.Transient($"store unavailable: {ex.Message}");
        }

        if (!created)
        {
            return ProcessingOutcome.Completed($"event {id} already recorded (duplicate delivery)");
        }

        return ignored is null
            ? ProcessingOutcome.Completed($"event {id} recorded with {resources.Count} resource(s)")
            : ProcessingOutcome.Ignored($"event {id} recorded as ignored: {ignored.Reason}: {ignored.Message}");
    }
}
