using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>
/// Answers the History API's questions from the store. Every parameter is validated (a failure is a
/// <see cref="HistoryFailure.Invalid"/> result with a one-line reason) before the store is asked anything.
/// </summary>
public sealed partial class HistoryService(IEnforcerStore store, PageTokenCodec tokens, TimeProvider timeProvider)
{
    public const int DefaultPageSize = 50;

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");
    public const int MaxPageSize = 1000;

    /// <summary>How many evaluations and remediation records a violation's detail shows.</summary>
    public const int DetailLimit = 100;

    /// <summary>The most violations a summary counts; beyond it the summary says truncated.</summary>
    public const int SummaryBound = 50_000;

    /// <summary>The summary window when since is not given.</summary>
    public static readonly TimeSpan DefaultSummaryWindow = TimeSpan.FromDays(7);

    public static readonly IReadOnlyList<string> EventParameters = ["page_size", "page_token", "resource"];
    public static readonly IReadOnlyList<string> ViolationParameters = ["project", "resource", "policy", "severity", "status", "since", "until", "page_size", "page_token"];
    public static readonly IReadOnlyList<string> RemediationParameters = ["resource", "policy", "status", "since", "until", "page_size", "page_token"];
    public static readonly IReadOnlyList<string> TimelineParameters = ["name", "page_size", "page_token"];
    public static readonly IReadOnlyList<string> SummaryParameters = ["since", "until"];

    /// <summary>Lists events newest first, optionally only those that touched one resource.</summary>
    public async Task<HistoryResult<EventListResponse>> ListEventsAsync(QueryParameters parameters, CancellationToken cancellationToken)
    {
        var resource = parameters["resource"];
        var error = parameters.Check(EventParameters)
            ?? (resource is null ? null : CheckResourceName(resource, "resource"));
        var (limit, sizeError) = ParsePageSize(parameters["page_size"]);
        if ((error ?? sizeError) is { } invalid)
        {
            return HistoryResult<EventListResponse>.Invalid(invalid);
        }

        var fingerprint = PageTokenCodec.Fingerprint([new("resource", resource)]);
        var (positions, tokenError) = DecodeToken(parameters, "events", fingerprint, 1);
        if (tokenError is not null)
        {
            return HistoryResult<EventListResponse>.Invalid(tokenError);
        }

        var after = positions?[0].Cursor is { } c ? new EventCursor(c.At, c.Id) : null;
        var page = await store.ListEventsAsync(new EventQuery(limit, after, resource), cancellationToken).ConfigureAwait(false);
        var next = page.Next is { } n ? tokens.Encode("events", fingerprint, [PageTokenPosition.After(n.ReceivedAt, n.Id)]) : null;
        return HistoryResult<EventListResponse>.Ok(new EventListResponse(page.Events, next));
    }

    public Task<EventRecord?> GetEventAsync(string id, CancellationToken cancellationToken) =>
        store.GetEventAsync(id, cancellationToken);

    /// <summary>Lists violations by project, resource, policy, severity, status and update-time window, most recently updated first.</summary>
    public async Task<HistoryResult<ViolationListResponse>> ListViolationsAsync(QueryParameters parameters, CancellationToken cancellationToken)
    {
        var project = parameters["project"];
        var resource = parameters["resource"];
        var policy = parameters["policy"];
        var (severity, severityError) = ParseChoice(parameters["severity"], "severity", Severities);
        var (status, statusError) = ParseChoice(parameters["status"], "status", ViolationRecord.Statuses);
        var (limit, sizeError) = ParsePageSize(parameters["page_size"]);
        var (since, until, windowError) = ParseWindow(parameters);
        var error = parameters.Check(ViolationParameters)
            ?? (project is null ? null : CheckProject(project))
            ?? (resource is null ? null : CheckResourceName(resource, "resource"))
            ?? (policy is null ? null : CheckPolicy(policy))
            ?? severityError ?? statusError ?? sizeError ?? windowError;
        if (error is not null)
        {
            return HistoryResult<ViolationListResponse>.Invalid(error);
        }

        var fingerprint = PageTokenCodec.Fingerprint(
        [
            new("project", project), new("resource", resource), new("policy", policy), new("severity", severity),
            new("status", status), new("since", parameters["since"]), new("until", parameters["until"]),
        ]);
        var (positions, tokenError) = DecodeToken(parameters, "violations", fingerprint, 1);
        if (tokenError is not null)
        {
            return HistoryResult<ViolationListResponse>.Invalid(tokenError);
        }

        var query = new ViolationQuery(limit, ToCursor(positions?[0]), project, resource, policy, severity, status, since, until);
        var page = await store.ListViolationsAsync(query, cancellationToken).ConfigureAwait(false);
        return HistoryResult<ViolationListResponse>.Ok(new ViolationListResponse(page.Items, NextToken("violations", fingerprint, page.Next)));
    }

    /// <summary>One violation with the newest evaluations and remediation records of its resource and policy.</summary>
    public async Task<HistoryResult<ViolationDetailResponse>> GetViolationAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsViolationId(id))
        {
            return HistoryResult<ViolationDetailResponse>.Invalid("violation id is malformed (expected v- and 32 hex digits)");
        }

        var violation = await store.GetViolationAsync(id, cancellationToken).ConfigureAwait(false);
        if (violation is null)
        {
            return HistoryResult<ViolationDetailResponse>.NotFound($"no violation with id '{id}'");
        }

        var evaluations = await store.ListEvaluationsAsync(new EvaluationQuery(violation.ResourceName, DetailLimit, PolicyId: violation.PolicyId), cancellationToken).ConfigureAwait(false);
        var remediations = await store.ListRemediationsAsync(new RemediationQuery(DetailLimit, ResourceName: violation.ResourceName, PolicyId: violation.PolicyId), cancellationToken).ConfigureAwait(false);
        return HistoryResult<ViolationDetailResponse>.Ok(new ViolationDetailResponse(
            violation, evaluations.Items, evaluations.Next is not null, remediations.Items, remediations.Next is not null));
    }

    /// <summary>Lists remediation records by resource, policy, status and claim-time window, most recently claimed first.</summary>
    public async Task<HistoryResult<RemediationListResponse>> ListRemediationsAsync(QueryParameters parameters, CancellationToken cancellationToken)
    {
        var resource = parameters["resource"];
        var policy = parameters["policy"];
        var (status, statusError) = ParseChoice(parameters["status"], "status", RemediationStatuses);
        var (limit, sizeError) = ParsePageSize(parameters["page_size"]);
        var (since, until, windowError) = ParseWindow(parameters);
        var error = parameters.Check(RemediationParameters)
            ?? (resource is null ? null : CheckResourceName(resource, "resource"))
            ?? (policy is null ? null : CheckPolicy(policy))
            ?? statusError ?? sizeError ?? windowError;
        if (error is not null)
        {
            return HistoryResult<RemediationListResponse>.Invalid(error);
        }

        var fingerprint = PageTokenCodec.Fingerprint(
            [new("resource", resource), new("policy", policy), new("status", status), new("since", parameters["since"]), new("until", parameters["until"])]);
        var (positions, tokenError) = DecodeToken(parameters, "remediations", fingerprint, 1);
        if (tokenError is not null)
        {
            return HistoryResult<RemediationListResponse>.Invalid(tokenError);
        }

        var page = await store.ListRemediationsAsync(new RemediationQuery(limit, ToCursor(positions?[0]), resource, policy, status, since, until), cancellationToken).ConfigureAwait(false);
        return HistoryResult<RemediationListResponse>.Ok(new RemediationListResponse(page.Items, NextToken("remediations", fingerprint, page.Next)));
    }

    /// <summary>Counts the violations updated in the window (default: the last 7 days) by policy, project, severity and status.</summary>
    public async Task<HistoryResult<SummaryResponse>> SummarizeAsync(QueryParameters parameters, CancellationToken cancellationToken)
    {
        var (since, until, error) = ParseWindow(parameters);
        error = parameters.Check(SummaryParameters) ?? error;
        var end = until ?? timeProvider.GetUtcNow();
        var start = since ?? end - DefaultSummaryWindow;
        if (error is null && start >= end)
        {
            error = "since must be earlier than until";
        }

        if (error is not null)
        {
            return HistoryResult<SummaryResponse>.Invalid(error);
        }

        var summary = await store.SummarizeViolationsAsync(start, end, SummaryBound, cancellationToken).ConfigureAwait(false);
        return HistoryResult<SummaryResponse>.Ok(new SummaryResponse(
            start, end, summary.Total, summary.Truncated, summary.ByPolicy, summary.ByProject, summary.BySeverity, summary.ByStatus));
    }

    private static bool IsViolationId(string id) =>
        id.Length == 34 && id.StartsWith("v-", StringComparison.Ordinal) && !id.AsSpan(2).ContainsAnyExcept(LowerHexDigits);

    private static RecordCursor? ToCursor(PageTokenPosition? position) => position?.Cursor is { } c ? new RecordCursor(c.At, c.Id) : null;

    private string? NextToken(string listing, string fingerprint, RecordCursor? next) =>
        next is null ? null : tokens.Encode(listing, fingerprint, [PageTokenPosition.After(next.At, next.Id)]);

    private (IReadOnlyList<PageTokenPosition>? Positions, string? Error) DecodeToken(QueryParameters parameters, string listing, string fingerprint, int sources) =>
        parameters["page_token"] is { } token ? tokens.Decode(token, listing, fingerprint, sources) : (null, null);
}
