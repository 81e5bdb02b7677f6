using System.Diagnostics;
using System.Globalization;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Processing;
using Enforcer.Core.Reading;
using Enforcer.Core.Storage;
using Enforcer.Core.Telemetry;
using Enforcer.Enforcement.Decisions;
using Enforcer.Enforcement.Evaluation;
using Enforcer.Enforcement.Notifications;
using Enforcer.Enforcement.Remediation;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Pipeline;

/// <summary>
/// The Evaluate function: map the delivery to resources, record the event once (keyed by insertId), read each
/// resource live, evaluate it, decide per policy, record evaluations and violations (opened, updated, closed),
/// publish remediation requests, then hand the findings to the sinks. Nothing here waits: resources that are not
/// ready, and transient read or engine failures, answer 503 so the platform redelivers (within
/// <see cref="EvaluationPipelineOptions.RetryBound"/>); an event is marked done only when every resource is
/// settled, so a redelivery after a crash or a 503 does the remaining work, and every write is idempotent.
/// </summary>
public sealed class EvaluationPipeline(
    IEnforcerStore store,
    EventMapper mapper,
    ResourceEvaluator evaluator,
    DecisionMaker decisions,
    IRemediationRequestPublisher publisher,
    IFindingSink findings,
    EvaluationPipelineOptions options,
    TimeProvider timeProvider) : IEventProcessor
{
    /// <summary>The event outcome while resources are still being processed (a redelivery resumes it).</summary>
    public const string Pending = "mapped";

    /// <summary>The event outcome once every resource is settled.</summary>
    public const string Evaluated = "evaluated";

    public async Task<ProcessingOutcome> ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        (await RunAsync(envelope, cancellationToken).ConfigureAwait(false)).Outcome;

    public async Task<PipelineResult> RunAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var started = Stopwatch.GetTimestamp();
        var mapping = mapper.Map(envelope.Payload);
        var (metadata, resources, ignored) = mapping switch
        {
            MappedEvent mapped => (mapped.Metadata, mapped.Resources, (IgnoredEvent?)null),
            IgnoredEvent skip => (skip.Metadata, (IReadOnlyList<ResourceRef>)[], skip),
            _ => throw new InvalidOperationException($"unknown mapping outcome {mapping.GetType().Name}"),
        };

        var kind = metadata?.Source == EventSource.EvaluationRequest ? "evaluation_request" : "audit_log";
        var eventId = metadata?.InsertId is { Length: > 0 } insertId
            ? EventIds.ForLogEntry(insertId, metadata.Timestamp?.ToString("O", CultureInfo.InvariantCulture))
            : envelope.DeliveryId is { Length: > 0 } deliveryId
                ? EventIds.ForDelivery(kind, deliveryId)
                : EventIds.ForPayload(kind, envelope.Payload);

        PipelineResult result;
        try
        {
            result = await RunMappedAsync(envelope, eventId, kind, metadata, resources, ignored, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            result = new PipelineResult(eventId, ProcessingOutcome.Transient($"store unavailable: {ex.Message}"), false, [], [], []);
        }

        var outcomeTag = result.Duplicate ? "duplicate" : result.Outcome.Status.ToString().ToLowerInvariant();
        EnforcerMetrics.EventsReceived.Add(1, new("function", "evaluate"), new("kind", kind), new("outcome", outcomeTag));
        EnforcerMetrics.ProcessingDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("function", "evaluate"), new("outcome", outcomeTag));
        return result;
    }

    private async Task<PipelineResult> RunMappedAsync(
        EventEnvelope envelope, string eventId, string kind, EventMetadata? metadata, IReadOnlyList<ResourceRef> resources, IgnoredEvent? ignored, CancellationToken cancellationToken)
    {
        var record = new EventRecord(
            eventId,
            Timestamps.Now(timeProvider),
            kind,
            metadata?.InsertId,
            envelope.DeliveryId,
            metadata?.Timestamp ?? envelope.PublishTime,
            metadata?.MethodName,
            metadata?.ServiceName,
            metadata?.PrincipalEmail,
            ignored is null ? Pending : "ignored",
            ignored is null ? null : $"{ignored.Reason}: {ignored.Message}",
            [.. resources.Select(r => new EventResource(r.AssetType, r.FullName, r.Deleted ? "delete" : r.Operation.ToString().ToLowerInvariant()))]);

        if (!await store.TryRecordEventAsync(record, cancellationToken).ConfigureAwait(false))
        {
            // Recorded before: finished (a duplicate from overlapping sinks or a redelivery), or interrupted (resume).
            var existing = await store.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false);
            if (existing is null || existing.Outcome != Pending)
            {
                return new PipelineResult(eventId, ProcessingOutcome.Completed($"event {eventId} already processed (duplicate delivery)"), true, [], [], []);
            }
        }

        if (ignored is not null)
        {
            return new PipelineResult(eventId, ProcessingOutcome.Ignored($"event {eventId} recorded as ignored: {ignored.Reason}: {ignored.Message}"), false, [], [], []);
        }

        var context = new EventContext(eventId, metadata!, envelope.PublishTime);
        var results = new List<ResourceResult>(resources.Count);
        var allFindings = new List<Finding>();
        var published = new List<RemediationRequest>();
        foreach (var resource in resources)
        {
            var (resourceResult, resourceFindings) = await ProcessResourceAsync(resource, context, cancellationToken).ConfigureAwait(false);
            results.Add(resourceResult);
            allFindings.AddRange(resourceFindings);
            published.AddRange(resourceResult.Policies.Where(p => p.Request is not null).Select(p => p.Request!));
            EnforcerMetrics.ResourcesEvaluated.Add(1, new("asset_type", resource.AssetType), new("outcome", resourceResult.Outcome));
        }

        var sinkNote = await PublishFindingsAsync(allFindings, cancellationToken).ConfigureAwait(false);
        var retry = results.Where(r => r.Outcome == ResourceOutcomes.Retry).ToList();
        if (retry.Count > 0)
        {
            return new PipelineResult(eventId, ProcessingOutcome.Transient($"event {eventId}: {string.Join("; ", retry.Select(r => $"{r.Resource.FullName}: {r.Detail}"))}"), false, results, allFindings, published);
        }

        var failed = results.Where(r => r.Outcome is ResourceOutcomes.Failed or ResourceOutcomes.Denied).ToList();
        var failure = failed.Count == 0 ? null : string.Join("; ", failed.Select(r => $"{r.Resource.FullName}: {r.Detail}"));
        await store.CompleteEventAsync(eventId, failed.Count == 0 ? Evaluated : "failed", failure, cancellationToken).ConfigureAwait(false);
        var summary = $"event {eventId}: {Summarize(results)}{sinkNote}";
        return new PipelineResult(
            eventId,
            failed.Count == 0 ? ProcessingOutcome.Completed(summary) : ProcessingOutcome.Permanent($"{summary}; {failure}"),
            false,
            results,
            allFindings,
            published);
    }

    private async Task<(ResourceResult Result, List<Finding> Findings)> ProcessResourceAsync(ResourceRef resource, EventContext context, CancellationToken cancellationToken)
    {
        var found = new List<Finding>();
        if (resource.Deleted)
        {
            var closed = await ResolveDeletedAsync(resource, context, found, "the event deleted the resource", cancellationToken).ConfigureAwait(false);
            return (new ResourceResult(resource, ResourceOutcomes.Deleted, "deleted by the event", closed), found);
        }

        if (mapper.Catalog.Find(resource.AssetType) is not { } type)
        {
            return (new ResourceResult(resource, ResourceOutcomes.Failed, $"{resource.AssetType} is not in the resource catalog", []), found);
        }

        var engineStarted = Stopwatch.GetTimestamp();
        var evaluation = await evaluator.EvaluateAsync(type, resource.FullName, resource.Identifiers, resource.ProjectId, cancellationToken).ConfigureAwait(false);
        switch (evaluation.Read)
        {
            case ResourceFound:
                break;
            case ResourceGone gone:
                var goneDecision = options.RetryBound.DecideForEvent(gone, resource, context.Metadata, null, timeProvider);
                if (goneDecision.Retry)
                {
                    return (new ResourceResult(resource, ResourceOutcomes.Retry, $"not found yet: {goneDecision.Reason}", []), found);
                }

                var resolved = await ResolveDeletedAsync(resource, context, found, "the resource no longer exists", cancellationToken).ConfigureAwait(false);
                return (new ResourceResult(resource, ResourceOutcomes.Deleted, gone.Message, resolved), found);
            case ReadPermissionDenied denied:
                return (new ResourceResult(resource, ResourceOutcomes.Denied, denied.Message, []), found);
            case ReadPermanentFailure permanent:
                return (new ResourceResult(resource, ResourceOutcomes.Failed, $"read failed ({permanent.Status}): {permanent.Message}", []), found);
            default:
                return (RetryOrFail(resource, context, evaluation.Read, Describe(evaluation.Read)), found);
        }

        var policies = evaluation.Policies!;
        EnforcerMetrics.PolicyEvaluationDuration.Record(Stopwatch.GetElapsedTime(engineStarted).TotalSeconds, new KeyValuePair<string, object?>("engine", options.EngineName));
        if (!policies.IsSuccess)
        {
            var error = policies.Error!;
            return error.Kind == PolicyErrorKind.Transient
                ? (RetryOrFail(resource, context, new ReadTransientFailure(null, error.Message), "policy engine: " + error.Message), found)
                : (new ResourceResult(resource, ResourceOutcomes.Failed, $"policy engine ({error.Kind}): {error.Message}", []), found);
        }

        var decided = new List<DecidedPolicy>(policies.Decisions.Count);
        var decisionContext = new DecisionContext(
            resource.FullName,
            resource.ProjectId,
            context.Metadata.PrincipalEmail,
            context.Metadata.Timestamp ?? context.PublishTime,
            context.Metadata.ControlData?.Enforce ?? true,
            context.Metadata.Source == EventSource.AuditLog || (context.Metadata.ControlData?.DelayEnforcement ?? false));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in policies.Decisions)
        {
            seen.Add(result.PolicyId);
            var decision = decisions.Decide(result, decisionContext);
            RemediationRequest? request = null;
            if (decision.Action == DecisionAction.Remediate)
            {
                request = new RemediationRequest(
                    StoreKeys.Of("r", resource.FullName, result.PolicyId, evaluation.State),
                    result.PolicyId,
                    resource.FullName,
                    resource.AssetType,
                    resource.ProjectId,
                    evaluation.State!,
                    decision.Mode,
                    decision.NotBefore,
                    context.EventId,
                    SeverityName(result.Severity));
            }

            // The violation is recorded before its remediation is published: a Remediate that finishes first would
            // otherwise find no violation to close, and this write would then leave it open although fixed.
            var status = await RecordAsync(resource, context, result, decision, request, cancellationToken).ConfigureAwait(false);
            if (request is not null)
            {
                // A failure here throws: the event stays pending and the redelivery publishes again (same request id).
                await publisher.PublishAsync(request, cancellationToken).ConfigureAwait(false);
            }

            decided.Add(new DecidedPolicy(result, decision, request, result.PolicyId, status));
            found.Add(FindingFor(resource, context, result, decision, request));
            EnforcerMetrics.Decisions.Add(1, new("policy", result.PolicyId), new("severity", SeverityName(result.Severity)), new("outcome", decision.ActionName));
        }

        // Violations of policies that no longer apply to the resource (e.g. a label moved it out of scope) are resolved.
        foreach (var stale in (await store.ListOpenViolationsAsync(resource.FullName, cancellationToken).ConfigureAwait(false)).Where(v => !seen.Contains(v.PolicyId)))
        {
            await CloseAsync(stale, ViolationRecord.Resolved, "the policy no longer applies to the resource", context, cancellationToken).ConfigureAwait(false);
            decided.Add(new DecidedPolicy(null, null, null, stale.PolicyId, ViolationRecord.Resolved));
        }

        return (new ResourceResult(resource, ResourceOutcomes.Evaluated, null, decided), found);
    }

    private ResourceResult RetryOrFail(ResourceRef resource, EventContext context, ReadOutcome outcome, string detail)
    {
        var bound = options.RetryBound.Decide(outcome, context.Metadata.Timestamp ?? context.PublishTime, null, timeProvider);
        return bound.Retry
            ? new ResourceResult(resource, ResourceOutcomes.Retry, detail, [])
            : new ResourceResult(resource, ResourceOutcomes.Failed, $"{detail} ({bound.Reason})", []);
    }

    private static string Describe(ReadOutcome outcome) => outcome switch
    {
        ResourceNotReady notReady => $"not ready ({notReady.Field} = {notReady.Value}): {notReady.Message}",
        ReadTransientFailure transient => $"read failed ({transient.Status}): {transient.Message}",
        _ => outcome.ToString(),
    };

    // Writes the evaluation and moves the violation; returns the violation's status afterwards (null: none).
    private async Task<string?> RecordAsync(ResourceRef resource, EventContext context, PolicyDecision result, Decision decision, RemediationRequest? request, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(timeProvider);
        var severity = SeverityName(result.Severity);
        await store.RecordEvaluationAsync(
            new EvaluationRecord(
                StoreKeys.Of("e", context.EventId, resource.FullName, result.PolicyId),
                context.EventId,
                now,
                resource.FullName,
                resource.AssetType,
                resource.ProjectId,
                result.PolicyId,
                severity,
                result.Compliant,
                result.Excluded,
                decision.ActionName,
                decision.Reasons,
                request?.RequestId),
            cancellationToken).ConfigureAwait(false);

        var id = StoreKeys.Violation(resource.FullName, result.PolicyId);
        var existing = await store.GetViolationAsync(id, cancellationToken).ConfigureAwait(false);
        var violated = !result.Compliant && !result.Excluded && decision.Action != DecisionAction.Record;
        if (violated)
        {
            ViolationRecord next;
            if (existing is { IsActive: true })
            {
                // A redelivery of the same event does not count twice.
                var counted = existing.LastEventId == context.EventId ? existing.Evaluations : existing.Evaluations + 1;
                next = existing with { Severity = severity, UpdatedAt = now, Message = result.Message, Evaluations = counted, LastEventId = context.EventId };
            }
            else
            {
                var quarantined = await store.GetQuarantineAsync(resource.FullName, cancellationToken).ConfigureAwait(false) is not null;
                next = new ViolationRecord(
                    id, resource.FullName, resource.AssetType, resource.ProjectId, result.PolicyId, severity,
                    quarantined ? ViolationRecord.Quarantined : ViolationRecord.Open, now, now, null, null, result.Message, 1, context.EventId);
            }

            await store.PutViolationAsync(next, cancellationToken).ConfigureAwait(false);
            return next.Status;
        }

        if (existing is not { IsActive: true })
        {
            return existing?.Status;
        }

        var (status, reason) = result.Compliant
            ? context.Metadata.PrincipalEmail is { } principal && decisions.IsOwnAccount(principal)
                ? (ViolationRecord.Remediated, "compliant after the enforcer's change")
                : (ViolationRecord.Resolved, "compliant")
            : (ViolationRecord.Excluded, decision.Reasons.Count > 0 ? decision.Reasons[0] : "excluded");
        await CloseAsync(existing, status, reason, context, cancellationToken).ConfigureAwait(false);
        return status;
    }

    private async Task CloseAsync(ViolationRecord violation, string status, string reason, EventContext context, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(timeProvider);
        await store.PutViolationAsync(violation with { Status = status, UpdatedAt = now, ClosedAt = now, CloseReason = reason, LastEventId = context.EventId }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<DecidedPolicy>> ResolveDeletedAsync(ResourceRef resource, EventContext context, List<Finding> found, string reason, CancellationToken cancellationToken)
    {
        var closed = new List<DecidedPolicy>();
        foreach (var violation in await store.ListOpenViolationsAsync(resource.FullName, cancellationToken).ConfigureAwait(false))
        {
            await CloseAsync(violation, ViolationRecord.Resolved, reason, context, cancellationToken).ConfigureAwait(false);
            closed.Add(new DecidedPolicy(null, null, null, violation.PolicyId, ViolationRecord.Resolved));
            found.Add(new Finding(
                context.EventId, Timestamps.Now(timeProvider), resource.FullName, resource.AssetType, resource.ProjectId, violation.PolicyId,
                violation.PolicyId, violation.Severity, Compliant: true, Excluded: false, "resolved", [reason], string.Empty, null, context.Metadata.PrincipalEmail));
            EnforcerMetrics.Decisions.Add(1, new("policy", violation.PolicyId), new("severity", violation.Severity), new("outcome", "resolved"));
        }

        return closed;
    }

    private Finding FindingFor(ResourceRef resource, EventContext context, PolicyDecision result, Decision decision, RemediationRequest? request) => new(
        context.EventId,
        Timestamps.Now(timeProvider),
        resource.FullName,
        resource.AssetType,
        resource.ProjectId,
        result.PolicyId,
        result.Title,
        SeverityName(result.Severity),
        result.Compliant,
        result.Excluded,
        decision.ActionName,
        decision.Reasons,
        result.Message,
        request?.RequestId,
        context.Metadata.PrincipalEmail);

    // Sinks handle their own failures; an unexpected throw is reported in the outcome and never changes the decision.
    private async Task<string> PublishFindingsAsync(List<Finding> all, CancellationToken cancellationToken)
    {
        if (all.Count == 0)
        {
            return string.Empty;
        }

        try
        {
            await findings.PublishAsync(all, cancellationToken).ConfigureAwait(false);
            return string.Empty;
        }
#pragma warning disable CA1031 // A notification failure must not turn a recorded decision into a retry.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return $" (finding sinks failed: {ex.GetType().Name}: {ex.Message})";
        }
    }

    private static string Summarize(List<ResourceResult> results)
    {
        var decisionsTaken = results.SelectMany(r => r.Policies).Where(p => p.Decision is not null).ToList();
        var violations = decisionsTaken.Count(p => p.Result is { Compliant: false, Excluded: false });
        var remediations = decisionsTaken.Count(p => p.Request is not null);
        return $"{results.Count} resource(s), {decisionsTaken.Count} decision(s), {violations} violation(s), {remediations} remediation request(s)";
    }

    internal static string SeverityName(PolicySeverity severity) => severity.ToString().ToUpperInvariant();

    private sealed record EventContext(string EventId, EventMetadata Metadata, DateTimeOffset? PublishTime);
}
