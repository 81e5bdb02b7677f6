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

    /// <summary>Sets the final outcome of a recorded event (e.g. evaluated, failed) after processing.</summary>
    Task CompleteEventAsync(string id, string outcome, string? reason, CancellationToken cancellationToken);

    /// <summary>Writes (or overwrites, on redelivery) one evaluation.</summary>
    Task RecordEvaluationAsync(EvaluationRecord record, CancellationToken cancellationToken);

    Task<EvaluationRecord?> GetEvaluationAsync(string id, CancellationToken cancellationToken);

    Task<ViolationRecord?> GetViolationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes the violation's current state (whole document).</summary>
    Task PutViolationAsync(ViolationRecord record, CancellationToken cancellationToken);

    /// <summary>The open violations of a resource (equality filters only: no composite index).</summary>
    Task<IReadOnlyList<ViolationRecord>> ListOpenViolationsAsync(string resourceName, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a remediation atomically: creates <paramref name="claim"/> if no record with its id exists; takes over
    /// a record whose lease ended before <paramref name="now"/> (keeping its steps, counting the attempt); otherwise
    /// reports it held or finished.
    /// </summary>
    Task<ClaimResult> TryClaimRemediationAsync(RemediationRecord claim, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Saves the owner's progress; false (nothing written) when another owner has taken the record over.</summary>
    Task<bool> SaveRemediationAsync(RemediationRecord record, CancellationToken cancellationToken);

    Task<RemediationRecord?> GetRemediationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Atomically adds one to a named counter and returns the new value; the counter expires at <paramref name="expireAt"/>.</summary>
    Task<long> IncrementCounterAsync(string key, DateTimeOffset expireAt, CancellationToken cancellationToken);

    /// <summary>Quarantines a resource unless it already is; false when it was already quarantined.</summary>
    Task<bool> TryQuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken);

    Task<QuarantineRecord?> GetQuarantineAsync(string resourceName, CancellationToken cancellationToken);

    /// <summary>Lifts a quarantine; false when the resource was not quarantined.</summary>
    Task<bool> ReleaseQuarantineAsync(string resourceName, CancellationToken cancellationToken);

    /// <summary>Records a request the enforcer gave up on (idempotent by id).</summary>
    Task RecordDeadLetterAsync(DeadLetterRecord record, CancellationToken cancellationToken);

    Task<DeadLetterRecord?> GetDeadLetterAsync(string id, CancellationToken cancellationToken);

    /// <summary>Violations that pass every filter of <paramref name="query"/>, most recently updated first, one page.</summary>
    Task<RecordPage<ViolationRecord>> ListViolationsAsync(ViolationQuery query, CancellationToken cancellationToken);

    /// <summary>One resource's evaluations (optionally of one policy), newest first, one page.</summary>
    Task<RecordPage<EvaluationRecord>> ListEvaluationsAsync(EvaluationQuery query, CancellationToken cancellationToken);

    /// <summary>Remediation records that pass every filter of <paramref name="query"/>, most recently claimed first, one page.</summary>
    Task<RecordPage<RemediationRecord>> ListRemediationsAsync(RemediationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the violations updated in [<paramref name="since"/>, <paramref name="until"/>) by policy, project, severity
    /// and status, reading at most <paramref name="maxViolations"/> of them (most recently updated first).
    /// </summary>
    Task<ViolationSummary> SummarizeViolationsAsync(DateTimeOffset since, DateTimeOffset until, int maxViolations, CancellationToken cancellationToken);
}
