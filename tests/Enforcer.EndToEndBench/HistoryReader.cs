using System.Globalization;
using System.Text.Json;

namespace Enforcer.EndToEndBench;

/// <summary>Reads what History serves about one resource (its API is open: ENFORCER_HISTORY_AUTH=none).</summary>
internal sealed class HistoryReader(HttpClient http)
{
    /// <summary>GET /v1/violations?resource=: the resource's violations, one per policy.</summary>
    public async Task<IReadOnlyList<ViolationView>> ViolationsAsync(string resource, CancellationToken cancellationToken)
    {
        using var document = await GetAsync("v1/violations", resource, cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.GetProperty("violations").EnumerateArray().Select(v => new ViolationView(
            v.GetProperty("policy_id").GetString()!,
            v.GetProperty("status").GetString()!,
            Time(v, "opened_at")!.Value,
            Time(v, "closed_at")))];
    }

    /// <summary>GET /v1/remediations?resource=: one record per policy and observed state.</summary>
    public async Task<IReadOnlyList<RemediationView>> RemediationsAsync(string resource, CancellationToken cancellationToken)
    {
        using var document = await GetAsync("v1/remediations", resource, cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.GetProperty("remediations").EnumerateArray().Select(r => new RemediationView(
            r.GetProperty("policy_id").GetString()!,
            r.GetProperty("status").GetString()!,
            r.GetProperty("attempts").GetInt32(),
            Time(r, "claimed_at")!.Value,
            Time(r, "updated_at")!.Value))];
    }

    /// <summary>GET /v1/events?resource=: when Evaluate received each event that touched the resource.</summary>
    public async Task<IReadOnlyList<EventView>> EventsAsync(string resource, CancellationToken cancellationToken)
    {
        using var document = await GetAsync("v1/events", resource, cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.GetProperty("events").EnumerateArray().Select(e => new EventView(
            e.GetProperty("outcome").GetString()!,
            Time(e, "received_at")!.Value))];
    }

    private async Task<JsonDocument> GetAsync(string path, string resource, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"{path}?page_size=100&resource={Uri.EscapeDataString(resource)}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body)
            : throw new HttpRequestException($"History answered {(int)response.StatusCode} to {path}: {body}", null, response.StatusCode);
    }

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
}

internal sealed record ViolationView(string PolicyId, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

internal sealed record RemediationView(string PolicyId, string Status, int Attempts, DateTimeOffset ClaimedAt, DateTimeOffset UpdatedAt);

internal sealed record EventView(string Outcome, DateTimeOffset ReceivedAt);
