using Enforcer.Core.Storage;
using Enforcer.Google.Firestore;

namespace Enforcer.Hosting.Storage;

// Collections: evaluations, violations, remediations (claims with leases and their steps), counters, quarantine, dead_letters.
public sealed partial class FirestoreEnforcerStore
{
    public const string EvaluationsCollection = "evaluations";
    public const string ViolationsCollection = "violations";
    public const string RemediationsCollection = "remediations";
    public const string CountersCollection = "counters";
    public const string QuarantineCollection = "quarantine";
    public const string DeadLettersCollection = "dead_letters";

    public async Task CompleteEventAsync(string id, string outcome, string? reason, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal) { ["outcome"] = outcome, ["reason"] = reason };
        var result = await Guard(() => client.UpdateAsync(EventsCollection + "/" + id, fields, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (result.Status is not (WriteStatus.Ok or WriteStatus.NotFound or WriteStatus.PreconditionFailed))
        {
            throw new StoreUnavailableException($"completing event {id} failed: {result.Status}");
        }
    }

    public Task RecordEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken) =>
        SetAsync(EvaluationsCollection + "/" + record.Id, EnforcementDocuments.Evaluation(record, options.Retention), cancellationToken);

    public async Task<EvaluationRecord?> GetEvaluationAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(EvaluationsCollection + "/" + id, cancellationToken).ConfigureAwait(false) is { } d ? EnforcementDocuments.Evaluation(d) : null;

    public async Task<ViolationRecord?> GetViolationAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(ViolationsCollection + "/" + id, cancellationToken).ConfigureAwait(false) is { } d ? EnforcementDocuments.Violation(d) : null;

    public Task PutViolationAsync(ViolationRecord record, CancellationToken cancellationToken) =>
        SetAsync(ViolationsCollection + "/" + record.Id, EnforcementDocuments.Violation(record, options.Retention), cancellationToken);

    public async Task<IReadOnlyList<ViolationRecord>> ListOpenViolationsAsync(string resourceName, CancellationToken cancellationToken)
    {
        var query = new FirestoreQuery(ViolationsCollection)
            .Where(QueryFilter.Field("resource_name", FilterOperator.Equal, resourceName));
        var documents = await Guard(() => client.RunQueryAsync(query, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // A resource has one violation document per policy, so the status test is done here rather than by an index.
        return [.. documents.Select(EnforcementDocuments.Violation).Where(v => v.IsActive).OrderBy(v => v.Id, StringComparer.Ordinal)];
    }

    public async Task<ClaimResult> TryClaimRemediationAsync(RemediationRecord claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = RemediationsCollection + "/" + claim.Id;
        var fields = EnforcementDocuments.Remediation(claim, options.Retention);

        // Bounded: each round either creates, takes over, or observes; a lost race re-reads once more.
        for (var round = 0; round < 5; round++)
        {
            var created = await Guard(() => client.CreateAsync(path, fields, cancellationToken)).ConfigureAwait(false);
            if (created.Status == WriteStatus.Ok)
            {
                return new ClaimResult(ClaimStatus.Acquired, claim);
            }

            if (created.Status != WriteStatus.AlreadyExists)
            {
                throw new StoreUnavailableException($"claiming {claim.Id} failed: {created.Status} {created.Error?.Message}");
            }

            var document = await GetAsync(path, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            var existing = EnforcementDocuments.Remediation(document);
            if (existing.IsFinished)
            {
                return new ClaimResult(ClaimStatus.Finished, existing);
            }

            if (existing.LeaseUntil > now)
            {
                return new ClaimResult(ClaimStatus.Held, existing);
            }

            // Take over an expired lease only if nobody wrote the document since we read it.
            var taken = existing with { Owner = claim.Owner, LeaseUntil = claim.LeaseUntil, Attempts = existing.Attempts + 1, UpdatedAt = now, Status = RemediationRecord.Running };
            var update = await Guard(() => client.SetAsync(path, EnforcementDocuments.Remediation(taken, options.Retention), Precondition.UpdatedAt(document.UpdateTime), cancellationToken)).ConfigureAwait(false);
            if (update.Status == WriteStatus.Ok)
            {
                return new ClaimResult(ClaimStatus.TakenOver, taken);
            }

            if (update.Status is not (WriteStatus.PreconditionFailed or WriteStatus.NotFound))
            {
                throw new StoreUnavailableException($"taking over {claim.Id} failed: {update.Status} {update.Error?.Message}");
            }
        }

        throw new StoreUnavailableException($"claiming {claim.Id}: too much contention");
    }

    public async Task<bool> SaveRemediationAsync(RemediationRecord record, CancellationToken cancellationToken)
    {
        var path = RemediationsCollection + "/" + record.Id;
        for (var round = 0; round < 5; round++)
        {
            var document = await GetAsync(path, cancellationToken).ConfigureAwait(false);
            if (document is not null && document["owner"]?.TryGetString() != record.Owner)
            {
                return false;
            }

            var precondition = document is null ? Precondition.MustNotExist : Precondition.UpdatedAt(document.UpdateTime);
            var result = await Guard(() => client.SetAsync(path, EnforcementDocuments.Remediation(record, options.Retention), precondition, cancellationToken)).ConfigureAwait(false);
            if (result.Status == WriteStatus.Ok)
            {
                return true;
            }

            if (result.Status is not (WriteStatus.PreconditionFailed or WriteStatus.AlreadyExists or WriteStatus.NotFound))
            {
                throw new StoreUnavailableException($"saving {record.Id} failed: {result.Status} {result.Error?.Message}");
            }
        }

        throw new StoreUnavailableException($"saving {record.Id}: too much contention");
    }

    public async Task<RemediationRecord?> GetRemediationAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(RemediationsCollection + "/" + id, cancellationToken).ConfigureAwait(false) is { } d ? EnforcementDocuments.Remediation(d) : null;

    public async Task<long> IncrementCounterAsync(string key, DateTimeOffset expireAt, CancellationToken cancellationToken)
    {
        // A server-side increment: no read, no transaction, the new value comes back. The first writer of a
        // window also stamps expire_at so the TTL policy removes old windows.
        var path = CountersCollection + "/" + key;
        var result = await Guard(() => client.WriteAsync(FirestoreWrite.Transform(path, FieldTransform.Increment("count", 1)), cancellationToken)).ConfigureAwait(false);
        if (result.Status != WriteStatus.Ok || result.TransformResults.Count == 0 || result.TransformResults[0].TryGetInteger() is not { } count)
        {
            throw new StoreUnavailableException($"incrementing counter {key} failed: {result.Status} {result.Error?.Message}");
        }

        if (count == 1)
        {
            await Guard(() => client.UpdateAsync(path, new Dictionary<string, FirestoreValue>(StringComparer.Ordinal) { ["expire_at"] = expireAt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return count;
    }

    public async Task<bool> TryQuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken)
    {
        var result = await Guard(() => client.CreateAsync(QuarantineCollection + "/" + StoreKeys.Quarantine(record.ResourceName), EnforcementDocuments.Quarantine(record), cancellationToken)).ConfigureAwait(false);
        return result.Status switch
        {
            WriteStatus.Ok => true,
            WriteStatus.AlreadyExists => false,
            _ => throw new StoreUnavailableException($"quarantining {record.ResourceName} failed: {result.Status} {result.Error?.Message}"),
        };
    }

    public async Task<QuarantineRecord?> GetQuarantineAsync(string resourceName, CancellationToken cancellationToken) =>
        await GetAsync(QuarantineCollection + "/" + StoreKeys.Quarantine(resourceName), cancellationToken).ConfigureAwait(false) is { } d ? EnforcementDocuments.Quarantine(d) : null;

    public async Task<bool> ReleaseQuarantineAsync(string resourceName, CancellationToken cancellationToken)
    {
        var result = await Guard(() => client.DeleteAsync(QuarantineCollection + "/" + StoreKeys.Quarantine(resourceName), Precondition.MustExist, cancellationToken)).ConfigureAwait(false);
        return result.Status == WriteStatus.Ok;
    }

    public async Task RecordDeadLetterAsync(DeadLetterRecord record, CancellationToken cancellationToken)
    {
        var result = await Guard(() => client.CreateAsync(DeadLettersCollection + "/" + record.Id, EnforcementDocuments.DeadLetter(record, options.Retention), cancellationToken)).ConfigureAwait(false);
        if (result.Status is not (WriteStatus.Ok or WriteStatus.AlreadyExists))
        {
            throw new StoreUnavailableException($"dead-lettering {record.Id} failed: {result.Status} {result.Error?.Message}");
        }
    }

    public async Task<DeadLetterRecord?> GetDeadLetterAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(DeadLettersCollection + "/" + id, cancellationToken).ConfigureAwait(false) is { } d ? EnforcementDocuments.DeadLetter(d) : null;

    private Task<FirestoreDocument?> GetAsync(string path, CancellationToken cancellationToken) =>
        Guard(() => client.GetAsync(path, cancellationToken));

    private async Task SetAsync(string path, Dictionary<string, FirestoreValue> fields, CancellationToken cancellationToken)
    {
        var result = await Guard(() => client.SetAsync(path, fields, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (result.Status != WriteStatus.Ok)
        {
            throw new StoreUnavailableException($"writing {path} failed: {result.Status} {result.Error?.Message}");
        }
    }
}
