namespace Enforcer.Core.Storage;

// Evaluations, violations, remediation claims, counters, quarantine and dead letters, with the Firestore store's semantics.
public sealed partial class InMemoryEnforcerStore
{
    private readonly Dictionary<string, EvaluationRecord> _evaluations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ViolationRecord> _violations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemediationRecord> _remediations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuarantineRecord> _quarantine = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeadLetterRecord> _deadLetters = new(StringComparer.Ordinal);

    public Task CompleteEventAsync(string id, string outcome, string? reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_events.TryGetValue(id, out var record))
            {
                _events[id] = record with { Outcome = outcome, Reason = reason };
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _evaluations[record.Id] = record;
        }

        return Task.CompletedTask;
    }

    public Task<EvaluationRecord?> GetEvaluationAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_evaluations.GetValueOrDefault(id));
        }
    }

    public Task<ViolationRecord?> GetViolationAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_violations.GetValueOrDefault(id));
        }
    }

    public Task PutViolationAsync(ViolationRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _violations[record.Id] = record;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ViolationRecord>> ListOpenViolationsAsync(string resourceName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ViolationRecord> open = [.. _violations.Values
                .Where(v => v.ResourceName == resourceName && v.IsActive)
                .OrderBy(v => v.Id, StringComparer.Ordinal)];
            return Task.FromResult(open);
        }
    }

    public Task<ClaimResult> TryClaimRemediationAsync(RemediationRecord claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_remediations.TryGetValue(claim.Id, out var existing))
            {
                _remediations[claim.Id] = claim;
                return Task.FromResult(new ClaimResult(ClaimStatus.Acquired, claim));
            }

            if (existing.IsFinished)
            {
                return Task.FromResult(new ClaimResult(ClaimStatus.Finished, existing));
            }

            if (existing.LeaseUntil > now)
            {
                return Task.FromResult(new ClaimResult(ClaimStatus.Held, existing));
            }

            var taken = existing with { Owner = claim.Owner, LeaseUntil = claim.LeaseUntil, Attempts = existing.Attempts + 1, UpdatedAt = now, Status = RemediationRecord.Running };
            _remediations[claim.Id] = taken;
            return Task.FromResult(new ClaimResult(ClaimStatus.TakenOver, taken));
        }
    }

    public Task<bool> SaveRemediationAsync(RemediationRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_remediations.TryGetValue(record.Id, out var existing) && existing.Owner != record.Owner)
            {
                return Task.FromResult(false);
            }

            _remediations[record.Id] = record;
            return Task.FromResult(true);
        }
    }

    public Task<RemediationRecord?> GetRemediationAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_remediations.GetValueOrDefault(id));
        }
    }

    public Task<long> IncrementCounterAsync(string key, DateTimeOffset expireAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var value = _counters.GetValueOrDefault(key) + 1;
            _counters[key] = value;
            return Task.FromResult(value);
        }
    }

    public Task<bool> TryQuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_quarantine.TryAdd(record.ResourceName, record));
        }
    }

    public Task<QuarantineRecord?> GetQuarantineAsync(string resourceName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_quarantine.GetValueOrDefault(resourceName));
        }
    }

    public Task<bool> ReleaseQuarantineAsync(string resourceName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_quarantine.Remove(resourceName));
        }
    }

    public Task RecordDeadLetterAsync(DeadLetterRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _deadLetters.TryAdd(record.Id, record);
        }

        return Task.CompletedTask;
    }

    public Task<DeadLetterRecord?> GetDeadLetterAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deadLetters.GetValueOrDefault(id));
        }
    }
}
