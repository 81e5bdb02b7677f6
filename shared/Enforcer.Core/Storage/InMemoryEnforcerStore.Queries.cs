namespace Enforcer.Core.Storage;

// The History listings: filtered, newest first, paged by (time, id) cursors exactly as the Firestore store pages.
public sealed partial class InMemoryEnforcerStore
{
    public Task<RecordPage<ViolationRecord>> ListViolationsAsync(ViolationQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Page(_violations.Values.Where(query.Matches), v => new RecordCursor(v.UpdatedAt, v.Id), query.Limit, query.After));
        }
    }

    public Task<RecordPage<EvaluationRecord>> ListEvaluationsAsync(EvaluationQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Page(_evaluations.Values.Where(query.Matches), e => new RecordCursor(e.EvaluatedAt, e.Id), query.Limit, query.After));
        }
    }

    public Task<RecordPage<RemediationRecord>> ListRemediationsAsync(RemediationQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Page(_remediations.Values.Where(query.Matches), r => new RecordCursor(r.ClaimedAt, r.Id), query.Limit, query.After));
        }
    }

    public Task<ViolationSummary> SummarizeViolationsAsync(DateTimeOffset since, DateTimeOffset until, int maxViolations, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var inWindow = _violations.Values
                .Where(v => v.UpdatedAt >= since && v.UpdatedAt < until)
                .OrderByDescending(v => v.UpdatedAt)
                .ThenByDescending(v => v.Id, StringComparer.Ordinal)
                .ToList();
            var builder = new ViolationSummaryBuilder();
            foreach (var v in inWindow.Take(maxViolations))
            {
                builder.Add(v.PolicyId, v.ProjectId, v.Severity, v.Status);
            }

            return Task.FromResult(builder.Build(inWindow.Count > maxViolations));
        }
    }

    private static RecordPage<T> Page<T>(IEnumerable<T> matching, Func<T, RecordCursor> position, int limit, RecordCursor? after)
    {
        var ordered = matching
            .Select(r => (Record: r, Position: position(r)))
            .Where(x => after is null || IsAfter(x.Position, after))
            .OrderByDescending(x => x.Position.At)
            .ThenByDescending(x => x.Position.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var next = ordered.Count > limit ? ordered[limit - 1].Position : null;
        return new RecordPage<T>([.. ordered.Take(limit).Select(x => x.Record)], next);
    }

    // Newest first: a record comes after the cursor when it is older, or equally old with a smaller id.
    private static bool IsAfter(RecordCursor candidate, RecordCursor cursor) =>
        candidate.At < cursor.At || (candidate.At == cursor.At && string.CompareOrdinal(candidate.Id, cursor.Id) < 0);
}
