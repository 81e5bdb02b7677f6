using Enforcer.Core.Storage;
using Enforcer.Google.Firestore;

namespace Enforcer.Hosting.Storage;

// The History listings. Each query sends Firestore at most one equality filter (the most selective one given),
// the time window and the newest-first order, so that one declared composite index per filterable field serves
// it (FirestoreIndexes.Required); the remaining filters are applied here while reading, within a per-call scan
// budget. This avoids relying on Firestore's index merging, whose conditions are not specified.
public sealed partial class FirestoreEnforcerStore
{
    /// <summary>Documents one listing call reads at most before answering with a short page and a cursor.</summary>
    public const int ScanBudget = 5000;

    public Task<RecordPage<ViolationRecord>> ListViolationsAsync(ViolationQuery query, CancellationToken cancellationToken)
    {
        var (field, value) = query switch
        {
            { ResourceName: { } r } => ("resource_name", r),
            { PolicyId: { } p } => ("policy_id", p),
            { ProjectId: { } p } => ("project_id", p),
            { Severity: { } s } => ("severity", s),
            { Status: { } s } => ("status", s),
            _ => ((string?)null, (string?)null),
        };
        var pushedDown = new[] { query.ResourceName, query.PolicyId, query.ProjectId, query.Severity, query.Status }.Count(f => f is not null) <= 1;
        return ScanAsync(
            ViolationsCollection, "updated_at", field, value, query.Since, query.Until, query.Limit, query.After,
            EnforcementDocuments.Violation, v => new RecordCursor(v.UpdatedAt, v.Id), pushedDown ? null : query.Matches, cancellationToken);
    }

    public async Task<RecordPage<EvaluationRecord>> ListEvaluationsAsync(EvaluationQuery query, CancellationToken cancellationToken)
    {
        // Both filters are equalities of a declared index, so Firestore does all the filtering.
        var firestoreQuery = new FirestoreQuery(EvaluationsCollection) { Limit = query.Limit + 1 }
            .Where("resource_name", FilterOperator.Equal, query.ResourceName);
        if (query.PolicyId is { } policy)
        {
            firestoreQuery = firestoreQuery.Where("policy_id", FilterOperator.Equal, policy);
        }

        firestoreQuery = firestoreQuery.OrderBy("evaluated_at", descending: true).OrderBy(FieldPaths.DocumentName, descending: true);
        if (query.After is { } after)
        {
            firestoreQuery = firestoreQuery.StartingAfter(FirestoreValue.FromTimestamp(after.At), client.Reference(EvaluationsCollection + "/" + after.Id));
        }

        var documents = await Guard(() => client.RunQueryAsync(firestoreQuery, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var items = documents.Take(query.Limit).Select(EnforcementDocuments.Evaluation).ToList();
        return new RecordPage<EvaluationRecord>(items, documents.Count > query.Limit ? new RecordCursor(items[^1].EvaluatedAt, items[^1].Id) : null);
    }

    public Task<RecordPage<RemediationRecord>> ListRemediationsAsync(RemediationQuery query, CancellationToken cancellationToken)
    {
        var (field, value) = query switch
        {
            { ResourceName: { } r } => ("resource_name", r),
            { PolicyId: { } p } => ("policy_id", p),
            { Status: { } s } => ("status", s),
            _ => ((string?)null, (string?)null),
        };
        var pushedDown = new[] { query.ResourceName, query.PolicyId, query.Status }.Count(f => f is not null) <= 1;
        return ScanAsync(
            RemediationsCollection, "claimed_at", field, value, query.Since, query.Until, query.Limit, query.After,
            EnforcementDocuments.Remediation, r => new RecordCursor(r.ClaimedAt, r.Id), pushedDown ? null : query.Matches, cancellationToken);
    }

    public async Task<ViolationSummary> SummarizeViolationsAsync(DateTimeOffset since, DateTimeOffset until, int maxViolations, CancellationToken cancellationToken)
    {
        // Counted here over a projection of four fields: Firestore's aggregation queries count one filter at a time
        // and cannot group, and policies and projects are open-ended sets.
        var baseQuery = new FirestoreQuery(ViolationsCollection) { Select = ["policy_id", "project_id", "severity", "status", "updated_at"] }
            .Where("updated_at", FilterOperator.GreaterThanOrEqual, since)
            .Where("updated_at", FilterOperator.LessThan, until)
            .OrderBy("updated_at", descending: true)
            .OrderBy(FieldPaths.DocumentName, descending: true);
        var builder = new ViolationSummaryBuilder();
        FirestoreDocument? last = null;
        while (true)
        {
            var remaining = maxViolations - (int)builder.Total;
            var batch = (last is null ? baseQuery : baseQuery.StartingAfter(last)) with { Limit = Math.Min(1000, remaining + 1) };
            var documents = await Guard(() => client.RunQueryAsync(batch, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var d in documents.Take(remaining))
            {
                builder.Add(d["policy_id"]?.TryGetString() ?? string.Empty, d["project_id"]?.TryGetString(), d["severity"]?.TryGetString() ?? string.Empty, d["status"]?.TryGetString() ?? string.Empty);
            }

            if (documents.Count > remaining)
            {
                return builder.Build(truncated: true);
            }

            if (documents.Count < batch.Limit)
            {
                return builder.Build(truncated: false);
            }

            last = documents[^1];
        }
    }

    private async Task<RecordPage<T>> ScanAsync<T>(
        string collection,
        string timeField,
        string? equalityField,
        string? equalityValue,
        DateTimeOffset? since,
        DateTimeOffset? until,
        int limit,
        RecordCursor? after,
        Func<FirestoreDocument, T> read,
        Func<T, RecordCursor> position,
        Func<T, bool>? residual,
        CancellationToken cancellationToken)
    {
        var baseQuery = new FirestoreQuery(collection);
        if (equalityField is not null)
        {
            baseQuery = baseQuery.Where(equalityField, FilterOperator.Equal, equalityValue);
        }

        if (since is { } s)
        {
            baseQuery = baseQuery.Where(timeField, FilterOperator.GreaterThanOrEqual, s);
        }

        if (until is { } u)
        {
            baseQuery = baseQuery.Where(timeField, FilterOperator.LessThan, u);
        }

        baseQuery = baseQuery.OrderBy(timeField, descending: true).OrderBy(FieldPaths.DocumentName, descending: true);

        // Without residual filters every document read matches: read one more than the page to know if another follows.
        var batchSize = residual is null ? limit + 1 : Math.Clamp(limit * 4, 100, 1000);
        var items = new List<T>(limit);
        var cursor = after;
        var scanned = 0;
        while (true)
        {
            var batch = baseQuery with { Limit = batchSize };
            if (cursor is not null)
            {
                batch = batch.StartingAfter(FirestoreValue.FromTimestamp(cursor.At), client.Reference(collection + "/" + cursor.Id));
            }

            var documents = await Guard(() => client.RunQueryAsync(batch, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var document in documents)
            {
                var record = read(document);
                scanned++;
                if (residual is null || residual(record))
                {
                    if (items.Count == limit)
                    {
                        // A further match exists: the next page starts after the last one returned.
                        return new RecordPage<T>(items, position(items[^1]));
                    }

                    items.Add(record);
                }

                cursor = position(record);
            }

            if (documents.Count < batchSize)
            {
                return new RecordPage<T>(items, null);
            }

            if (scanned >= ScanBudget)
            {
                // Out of budget: resume after the last document read (a short page, possibly empty).
                return new RecordPage<T>(items, cursor);
            }
        }
    }
}
