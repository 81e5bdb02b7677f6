using Enforcer.Core.Processing;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;
using Enforcer.Core.Telemetry;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Remediation;

/// <summary>
/// The Remediate function's service. Per request: wait out the enforcement delay (503 until due, never sleeping),
/// claim the remediation in the store (create-if-absent with a lease; an expired lease is taken over), apply loop
/// and blast-radius caps, re-read and re-evaluate (skip if compliant now), run the plan's steps in order through the
/// catalog allowlist (each recorded; steps already done by an earlier owner are skipped), re-plan on stale etags
/// (bounded), then re-check compliance and record the verified outcome. Transient trouble releases the lease and
/// answers 503; permanent trouble is recorded and answered 200; exhausted retries are dead-lettered.
/// </summary>
public sealed class RemediationExecutor(
    IEnforcerStore store,
    ResourceCatalog catalog,
    ResourceEvaluator evaluator,
    GoogleApiCaller caller,
    Func<string, Uri?> baseUrlFor,
    IAlertSink alerts,
    EnforcementOptions options,
    TimeProvider timeProvider) : IEventProcessor
{
    public async Task<ProcessingOutcome> ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var (request, error) = RemediationRequest.Parse(envelope.Payload);
        if (request is null)
        {
            return ProcessingOutcome.Permanent(error!);
        }

        try
        {
            return await ExecuteAsync(request, envelope.Payload.GetRawText(), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            return ProcessingOutcome.Transient($"store unavailable: {ex.Message}");
        }
    }

    public async Task<ProcessingOutcome> ExecuteAsync(RemediationRequest request, string rawRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (catalog.Find(request.AssetType) is not { } type || type.ParseFullName(request.ResourceName) is not { } identifiers)
        {
            return ProcessingOutcome.Permanent($"{request.ResourceName} ({request.AssetType}) is not a catalog resource");
        }

        var now = Timestamps.Now(timeProvider);
        if (request.NotBefore is { } due && due > now)
        {
            // The enforcement delay: nothing is claimed or blocked; the platform redelivers with backoff.
            return ProcessingOutcome.Transient($"enforcement delay: {request.RequestId} is due at {due:O}");
        }

        // Remediate's own configuration is a ceiling: it can turn a published request down (kill switch), never up.
        var ceiling = options.ModeFor(request.PolicyId, request.ProjectId);
        var mode = (EnforcementMode)Math.Min((int)request.Mode, (int)ceiling);
        var claim = new RemediationRecord(
            request.RequestId, request.RequestId, request.PolicyId, request.ResourceName, request.AssetType,
            ModeName(mode), RemediationRecord.Running, Guid.NewGuid().ToString("N"), now + options.Lease, 1, now, now, null, null, []);
        var claimed = await store.TryClaimRemediationAsync(claim, now, cancellationToken).ConfigureAwait(false);
        switch (claimed.Status)
        {
            case ClaimStatus.Finished:
                return ProcessingOutcome.Completed($"remediation {request.RequestId} already {claimed.Record.Status}");
            case ClaimStatus.Held:
                return ProcessingOutcome.Transient($"remediation {request.RequestId} is held by another delivery until {claimed.Record.LeaseUntil:O}");
        }

        var record = claimed.Record;
        if (record.Attempts > options.MaxAttempts)
        {
            return await DeadLetterAsync(record, $"gave up after {record.Attempts - 1} attempts; last: {record.Reason}", rawRequest, cancellationToken).ConfigureAwait(false);
        }

        if (mode == EnforcementMode.Off)
        {
            return await FinishAsync(record, RemediationRecord.Skipped, "enforcement is off for this policy/project", null, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false);
        }

        if (mode == EnforcementMode.Enforce)
        {
            if (await store.GetQuarantineAsync(request.ResourceName, cancellationToken).ConfigureAwait(false) is { } quarantined)
            {
                return await FinishAsync(record, RemediationRecord.Quarantined, $"resource quarantined since {quarantined.Since:O}: {quarantined.Reason}", null, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false);
            }

            if (claimed.Status == ClaimStatus.Acquired && await CheckCapsAsync(record, type, now, cancellationToken).ConfigureAwait(false) is { } capped)
            {
                return capped;
            }
        }

        return await RunAsync(record, request, type, identifiers, mode, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessingOutcome?> CheckCapsAsync(RemediationRecord record, ResourceType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var globalWindow = now.ToUnixTimeSeconds() / (long)options.GlobalWindow.TotalSeconds;
        var global = await store.IncrementCounterAsync($"global-{globalWindow}", now + options.GlobalWindow + options.GlobalWindow, cancellationToken).ConfigureAwait(false);
        if (global > options.GlobalCap)
        {
            return await ReleaseAsync(record, $"global rate cap: {global} remediations in this {options.GlobalWindow} window (cap {options.GlobalCap})", cancellationToken).ConfigureAwait(false);
        }

        var resourceWindow = now.ToUnixTimeSeconds() / (long)options.ResourceWindow.TotalSeconds;
        var count = await store.IncrementCounterAsync(StoreKeys.Of("rate", record.ResourceName, resourceWindow.ToString(System.Globalization.CultureInfo.InvariantCulture)), now + options.ResourceWindow + options.ResourceWindow, cancellationToken).ConfigureAwait(false);
        if (count <= options.ResourceCap)
        {
            return null;
        }

        var reason = $"{count} remediations of this resource within {options.ResourceWindow} (cap {options.ResourceCap}): something keeps undoing the fix";
        if (await store.TryQuarantineAsync(new QuarantineRecord(StoreKeys.Quarantine(record.ResourceName), record.ResourceName, type.AssetType, record.PolicyId, now, reason, count), cancellationToken).ConfigureAwait(false))
        {
            await alerts.RaiseAsync(new Alert("quarantine", record.ResourceName, record.PolicyId, reason, now), cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(record, RemediationRecord.Quarantined, reason, null, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessingOutcome> RunAsync(RemediationRecord record, RemediationRequest request, ResourceType type, IReadOnlyDictionary<string, string> identifiers, EnforcementMode mode, CancellationToken cancellationToken)
    {
        for (var round = 0; round <= options.MaxReplans; round++)
        {
            var evaluated = await evaluator.EvaluateAsync(type, request.ResourceName, identifiers, request.ProjectId, cancellationToken).ConfigureAwait(false);
            if (Judge(evaluated, request.PolicyId) is { } stop)
            {
                var anyDone = record.Steps.Any(s => s.Status == RemediationStep.Done);
                return stop.Kind switch
                {
                    Verdict.Compliant when anyDone => await FinishAsync(record, RemediationRecord.Succeeded, "compliant after the plan (verified)", true, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false),
                    Verdict.Compliant or Verdict.Gone => await FinishAsync(record, RemediationRecord.Skipped, stop.Reason, null, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false),
                    Verdict.Transient => await ReleaseAsync(record, stop.Reason, cancellationToken).ConfigureAwait(false),
                    _ => await FinishAsync(record, RemediationRecord.Failed, stop.Reason, anyDone ? false : null, ProcessingStatus.Permanent, cancellationToken).ConfigureAwait(false),
                };
            }

            var decision = evaluated.Policies!.Decisions.First(d => d.PolicyId == request.PolicyId);
            var (calls, planError) = PlanBuilder.Build(type, identifiers, decision.Remediation!.Value, baseUrlFor(type.Host));
            if (calls is null)
            {
                return await FinishAsync(record, RemediationRecord.Failed, "plan refused: " + planError, null, ProcessingStatus.Permanent, cancellationToken).ConfigureAwait(false);
            }

            if (mode == EnforcementMode.DryRun)
            {
                var now = Timestamps.Now(timeProvider);
                record = record with { Steps = [.. calls.Select(c => Step(c, RemediationStep.WouldCall, null, now, "dry-run: not sent"))] };
                return await FinishAsync(record, RemediationRecord.DryRun, $"dry-run: {calls.Count} call(s) recorded, none made", null, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false);
            }

            var conflict = false;
            foreach (var call in calls)
            {
                if (record.Steps.Any(s => s.Identity == call.Identity && s.Status == RemediationStep.Done))
                {
                    continue;
                }

                var outcome = await caller.CallAsync(type, call, cancellationToken).ConfigureAwait(false);
                var at = Timestamps.Now(timeProvider);
                var status = outcome.Kind switch
                {
                    CallResultKind.Ok or CallResultKind.Pending => RemediationStep.Done,
                    CallResultKind.Conflict => RemediationStep.Conflict,
                    _ => RemediationStep.Failed,
                };
                record = record with { Steps = [.. record.Steps, Step(call, status, outcome.HttpStatus, at, outcome.Detail)], UpdatedAt = at };
                if (!await store.SaveRemediationAsync(record, cancellationToken).ConfigureAwait(false))
                {
                    return ProcessingOutcome.Transient($"remediation {record.Id} was taken over by another delivery");
                }

                switch (outcome.Kind)
                {
                    case CallResultKind.Pending:
                        return await ReleaseAsync(record, $"step {call.Index} {call.Method.Name}: {outcome.Detail}", cancellationToken).ConfigureAwait(false);
                    case CallResultKind.Transient:
                        return await ReleaseAsync(record, $"step {call.Index} {call.Method.Name}: {outcome.Detail}", cancellationToken).ConfigureAwait(false);
                    case CallResultKind.Permanent:
                        return await FinishAsync(record, RemediationRecord.Failed, $"step {call.Index} {call.Method.Name} failed: {outcome.Detail}", false, ProcessingStatus.Permanent, cancellationToken).ConfigureAwait(false);
                    case CallResultKind.Conflict:
                        conflict = true;
                        break;
                }

                if (conflict)
                {
                    break;
                }
            }

            if (conflict)
            {
                continue;
            }

            // Every step is done: verify against a fresh read.
            var after = await evaluator.EvaluateAsync(type, request.ResourceName, identifiers, request.ProjectId, cancellationToken).ConfigureAwait(false);
            var verdict = Judge(after, request.PolicyId);
            return verdict?.Kind switch
            {
                Verdict.Compliant => await FinishAsync(record, RemediationRecord.Succeeded, "compliant after the plan (verified)", true, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false),
                Verdict.Transient => await ReleaseAsync(record, "verification pending: " + verdict.Reason, cancellationToken).ConfigureAwait(false),
                Verdict.Gone => await FinishAsync(record, RemediationRecord.Skipped, verdict.Reason, null, ProcessingStatus.Completed, cancellationToken).ConfigureAwait(false),
                _ => await FinishAsync(record, RemediationRecord.Failed, "the plan ran but the resource is still not compliant" + (verdict is null ? string.Empty : ": " + verdict.Reason), false, ProcessingStatus.Permanent, cancellationToken).ConfigureAwait(false),
            };
        }

        return await ReleaseAsync(record, $"stale etag/fingerprint conflicts persisted over {options.MaxReplans + 1} re-plans", cancellationToken).ConfigureAwait(false);
    }

    private enum Verdict
    {
        Compliant,
        Gone,
        Transient,
        Permanent,
    }

    private sealed record Stop(Verdict Kind, string Reason);

    // Null when the policy is violated and has a plan; otherwise why not to act.
    private static Stop? Judge(ResourceEvaluation evaluated, string policyId)
    {
        switch (evaluated.Read)
        {
            case ResourceGone:
                return new Stop(Verdict.Gone, "the resource no longer exists");
            case ResourceNotReady notReady:
                return new Stop(Verdict.Transient, notReady.Message);
            case ReadTransientFailure transient:
                return new Stop(Verdict.Transient, "read failed: " + transient);
            case ReadPermissionDenied denied:
                return new Stop(Verdict.Permanent, "read denied: " + denied);
            case ReadPermanentFailure failure:
                return new Stop(Verdict.Permanent, "read failed: " + failure);
        }

        var policies = evaluated.Policies!;
        if (!policies.IsSuccess)
        {
            return new Stop(policies.Error!.Kind == PolicyErrorKind.Transient ? Verdict.Transient : Verdict.Permanent, "policy engine: " + policies.Error.Message);
        }

        if (policies.Decisions.FirstOrDefault(d => d.PolicyId == policyId) is not { } decision)
        {
            return new Stop(Verdict.Gone, $"policy {policyId} no longer applies to the resource");
        }

        if (decision.Compliant)
        {
            return new Stop(Verdict.Compliant, "compliant now; nothing to do");
        }

        if (decision.Excluded)
        {
            return new Stop(Verdict.Gone, "excluded now; nothing to do");
        }

        return decision.Remediation is null ? new Stop(Verdict.Permanent, "violated but no remediation plan applies now") : null;
    }

    private static RemediationStep Step(PlannedCall call, string status, int? httpStatus, DateTimeOffset at, string? detail) =>
        new(call.Index, call.Method.Name, call.Identity, call.Verb, call.Url.ToString(), call.Body, status, httpStatus, at, detail);

    private async Task<ProcessingOutcome> FinishAsync(RemediationRecord record, string status, string reason, bool? verified, ProcessingStatus outcome, CancellationToken cancellationToken)
    {
        var finished = record with { Status = status, Reason = reason, Verified = verified, UpdatedAt = Timestamps.Now(timeProvider) };
        if (!await store.SaveRemediationAsync(finished, cancellationToken).ConfigureAwait(false))
        {
            return ProcessingOutcome.Transient($"remediation {record.Id} was taken over by another delivery");
        }

        await UpdateViolationAsync(finished, cancellationToken).ConfigureAwait(false);
        EnforcerMetrics.Remediations.Add(1, new("policy", record.PolicyId), new("outcome", status));
        return new ProcessingOutcome(outcome, $"remediation {record.Id} {status}: {reason}");
    }

    // History shows what happened to the violation: closed as remediated once verified, quarantined when the loop guard tripped.
    private async Task UpdateViolationAsync(RemediationRecord finished, CancellationToken cancellationToken)
    {
        var status = finished.Status switch
        {
            RemediationRecord.Succeeded when finished.Verified == true => ViolationRecord.Remediated,
            RemediationRecord.Quarantined => ViolationRecord.Quarantined,
            _ => null,
        };
        if (status is null || await store.GetViolationAsync(StoreKeys.Violation(finished.ResourceName, finished.PolicyId), cancellationToken).ConfigureAwait(false) is not { IsActive: true } violation)
        {
            return;
        }

        var now = Timestamps.Now(timeProvider);
        await store.PutViolationAsync(
            status == ViolationRecord.Remediated
                ? violation with { Status = status, UpdatedAt = now, ClosedAt = now, CloseReason = finished.Reason }
                : violation with { Status = status, UpdatedAt = now },
            cancellationToken).ConfigureAwait(false);
    }

    // Transient: record why, end the lease now so the next delivery takes over at once, and ask for redelivery.
    private async Task<ProcessingOutcome> ReleaseAsync(RemediationRecord record, string reason, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(timeProvider);
        await store.SaveRemediationAsync(record with { Reason = reason, LeaseUntil = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        return ProcessingOutcome.Transient($"remediation {record.Id}: {reason}");
    }

    private async Task<ProcessingOutcome> DeadLetterAsync(RemediationRecord record, string reason, string rawRequest, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(timeProvider);
        await store.RecordDeadLetterAsync(new DeadLetterRecord(record.Id, record.RequestId, record.PolicyId, record.ResourceName, now, reason, record.Attempts - 1, rawRequest), cancellationToken).ConfigureAwait(false);
        await alerts.RaiseAsync(new Alert("dead-letter", record.ResourceName, record.PolicyId, reason, now), cancellationToken).ConfigureAwait(false);
        return await FinishAsync(record, RemediationRecord.DeadLettered, reason, null, ProcessingStatus.Permanent, cancellationToken).ConfigureAwait(false);
    }

    internal static string ModeName(EnforcementMode mode) => mode switch
    {
        EnforcementMode.Enforce => "enforce",
        EnforcementMode.DryRun => "dry-run",
        _ => "off",
    };
}
