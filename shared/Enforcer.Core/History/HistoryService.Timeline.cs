using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

// A resource's timeline merges three newest-first sources (events, evaluations, remediations). The page token keeps
// one position per source, so each continues exactly after the last record of it that was returned.
public sealed partial class HistoryService
{
    /// <summary>Everything recorded about one resource (events, evaluations, remediations), newest first.</summary>
    public async Task<HistoryResult<TimelineResponse>> TimelineAsync(QueryParameters parameters, CancellationToken cancellationToken)
    {
        var name = parameters["name"];
        var (limit, sizeError) = ParsePageSize(parameters["page_size"]);
        var error = parameters.Check(TimelineParameters)
            ?? (name is null ? "name is required: the full resource name whose timeline to show" : CheckResourceName(name, "name"))
            ?? sizeError;
        if (error is not null)
        {
            return HistoryResult<TimelineResponse>.Invalid(error);
        }

        var fingerprint = PageTokenCodec.Fingerprint([new("name", name)]);
        var (decoded, tokenError) = DecodeToken(parameters, "timeline", fingerprint, 3);
        if (tokenError is not null)
        {
            return HistoryResult<TimelineResponse>.Invalid(tokenError);
        }

        var positions = decoded ?? [PageTokenPosition.NotStarted, PageTokenPosition.NotStarted, PageTokenPosition.NotStarted];
        var sources = new (List<TimelineEntry> Entries, bool More)[3];
        sources[0] = await EventsAsync(name!, limit, positions[0], cancellationToken).ConfigureAwait(false);
        sources[1] = await EvaluationsAsync(name!, limit, positions[1], cancellationToken).ConfigureAwait(false);
        sources[2] = await RemediationsAsync(name!, limit, positions[2], cancellationToken).ConfigureAwait(false);

        var page = sources.SelectMany((s, source) => s.Entries.Select(e => (Entry: e, Source: source)))
            .OrderByDescending(x => x.Entry.At)
            .ThenBy(x => x.Source)
            .ThenByDescending(x => x.Entry.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

        var next = new PageTokenPosition[3];
        for (var source = 0; source < 3; source++)
        {
            var taken = page.Where(x => x.Source == source).Select(x => x.Entry).ToList();
            var fetched = sources[source];
            next[source] = taken.Count == fetched.Entries.Count && !fetched.More
                ? PageTokenPosition.Exhausted
                : taken.Count == 0 ? positions[source] : PageTokenPosition.After(taken[^1].At, taken[^1].Id);
        }

        var token = next.All(p => p.D) ? null : tokens.Encode("timeline", fingerprint, next);
        return HistoryResult<TimelineResponse>.Ok(new TimelineResponse(name!, [.. page.Select(x => x.Entry)], token));
    }

    private async Task<(List<TimelineEntry>, bool)> EventsAsync(string name, int limit, PageTokenPosition position, CancellationToken cancellationToken)
    {
        if (position.D)
        {
            return ([], false);
        }

        var after = position.Cursor is { } c ? new EventCursor(c.At, c.Id) : null;
        var page = await store.ListEventsAsync(new EventQuery(limit, after, name), cancellationToken).ConfigureAwait(false);
        return ([.. page.Events.Select(e => new TimelineEntry(TimelineEntry.EventKind, e.ReceivedAt, e.Id, Event: e))], page.Next is not null);
    }

    private async Task<(List<TimelineEntry>, bool)> EvaluationsAsync(string name, int limit, PageTokenPosition position, CancellationToken cancellationToken)
    {
        if (position.D)
        {
            return ([], false);
        }

        var page = await store.ListEvaluationsAsync(new EvaluationQuery(name, limit, ToCursor(position)), cancellationToken).ConfigureAwait(false);
        return ([.. page.Items.Select(e => new TimelineEntry(TimelineEntry.EvaluationKind, e.EvaluatedAt, e.Id, Evaluation: e))], page.Next is not null);
    }

    private async Task<(List<TimelineEntry>, bool)> RemediationsAsync(string name, int limit, PageTokenPosition position, CancellationToken cancellationToken)
    {
        if (position.D)
        {
            return ([], false);
        }

        var page = await store.ListRemediationsAsync(new RemediationQuery(limit, ToCursor(position), ResourceName: name), cancellationToken).ConfigureAwait(false);
        return ([.. page.Items.Select(r => new TimelineEntry(TimelineEntry.RemediationKind, r.ClaimedAt, r.Id, Remediation: r))], page.Next is not null);
    }
}
