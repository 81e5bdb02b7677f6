using System.Text.Json;
using Enforcer.Core.Processing;
using Enforcer.Core.Storage;

namespace Enforcer.Core.Remediation;

/// <summary>
/// The Remediate function's service in this build: accounts for every remediation request exactly
/// once in the store (keyed by its request id) so history shows what was asked. Executing plans is
/// the remediation executor's job (docs/operations.md); until it is enabled the request is recorded
/// with the outcome "not-executed".
/// </summary>
public sealed class RemediationIntake(IEnforcerStore store, TimeProvider timeProvider) : IEventProcessor
{
    public async Task<ProcessingOutcome> ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var payload = envelope.Payload;
        var requestId = payload.GetProperty("request_id").GetString()!;
        var policyId = payload.GetProperty("policy_id").GetString()!;
        var resource = payload.GetProperty("resource");
        var name = resource.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        var type = resource.TryGetProperty("asset_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        if (name.Length == 0 || type.Length == 0)
        {
            return ProcessingOutcome.Permanent("remediation request resource lacks name or asset_type");
        }

        var record = new EventRecord(
            EventIds.ForDelivery("remediation", requestId),
            Timestamps.Now(timeProvider),
            Kind: "remediation_request",
            InsertId: null,
            envelope.DeliveryId,
            envelope.PublishTime,
            MethodName: policyId,
            ServiceName: null,
            Principal: null,
            Outcome: "not-executed",
            Reason: "remediation executor is not enabled in this build",
            [new EventResource(type, name, "remediate")]);
        try
        {
            var created = await store.TryRecordEventAsync(record, cancellationToken).ConfigureAwait(false);
            return created
                ? ProcessingOutcome.Completed($"remediation request {requestId} recorded")
                : ProcessingOutcome.Completed($"remediation request {requestId} already recorded");
        }
        catch (StoreUnavailableException ex)
        {
            return ProcessingOutcome.Transient($"store unavailable: {ex.Message}");
        }
    }
}
