using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>Answers the History API's questions from the store; validates every parameter.</summary>
public sealed class HistoryService(IEnforcerStore store)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    /// <summary>Lists events newest first; returns an error message for invalid parameters.</summary>
    public async Task<(EventListResponse? Response, string? Error)> ListEventsAsync(
        string? pageSize, string? pageToken, string? resource, CancellationToken cancellationToken)
    {
        var limit = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxPageSize))
        {
            return (null, $"page_size must be an integer from 1 to {MaxPageSize}");
        }

        if (resource is not null && (resource.Length == 0 || resource.Length > 2048 || !resource.StartsWith("//", StringComparison.Ordinal)))
        {
            return (null, "resource must be a full resource name such as //storage.googleapis.com/my-bucket");
        }

        EventCursor? after = null;
        if (pageToken is not null)
        {
            var (cursor, error) = PageTokens.Decode(pageToken, resource);
            if (error is not null)
            {
                return (null, error);
            }

            after = cursor;
        }

        var page = await store.ListEventsAsync(new EventQuery(limit, after, resource), cancellationToken).ConfigureAwait(false);
        var next = page.Next is null ? null : PageTokens.Encode(page.Next, resource);
        return (new EventListResponse(page.Events, next), null);
    }

    public Task<EventRecord?> GetEventAsync(string id, CancellationToken cancellationToken) =>
        store.GetEventAsync(id, cancellationToken);
}
