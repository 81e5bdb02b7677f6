using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Enforcer.Core.Reading;
using Enforcer.Core.Requests;
using Enforcer.Core.Resources;

namespace Enforcer.Core.Sweep;

/// <summary>
/// The periodic sweep: lists the catalog's asset types through Cloud Asset Inventory (assets.list, paged) and
/// publishes one evaluation request per resource, catching what audit logs miss (drift, resources older than the
/// deployment, time-based policies). Each call reads at most <see cref="SweepOptions.MaxPagesPerRun"/> pages and
/// returns the request for the next batch, so a large organization is swept in a chain of short invocations.
/// </summary>
public sealed class AssetSweeper(HttpClient http, ResourceCatalog catalog, IEvaluationRequestPublisher publisher, TimeProvider time, SweepOptions? options = null)
{
    private const string CloudAssetHost = "cloudasset.googleapis.com";
    private const string ListPermission = "cloudasset.assets.listResource";
    private readonly SweepOptions _options = options ?? new SweepOptions();

    /// <summary>Runs one batch of a sweep.</summary>
    public async ValueTask<SweepOutcome> RunAsync(SweepRequest request, CancellationToken cancellationToken = default)
    {
        if (!IsScope(request.Scope))
        {
            return new SweepOutcome(0, 0, 0, null, new ReadPermanentFailure(null, $"Sweep scope '{request.Scope}' must be organizations/ID, folders/ID or projects/ID."));
        }

        var types = SelectTypes(request.AssetTypes);
        if (types.Count == 0)
        {
            return new SweepOutcome(0, 0, 0, null, new ReadPermanentFailure(null, "No CAI-listable catalog type was requested."));
        }

        var sweepId = request.SweepId ?? time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var pageToken = request.PageToken;
        int published = 0, skipped = 0, pages = 0;
        while (pages < _options.MaxPagesPerRun)
        {
            var page = await ListPageAsync(request.Scope, types, pageToken, cancellationToken).ConfigureAwait(false);
            if (page.Failure is not null)
            {
                var retry = request with { PageToken = pageToken, SweepId = sweepId };
                return new SweepOutcome(published, skipped, pages, retry, page.Failure);
            }

            pages++;
            using (page.Document)
            {
                var root = page.Document!.RootElement;
                if (root.TryGetProperty("assets", out var assets) && assets.ValueKind == JsonValueKind.Array)
                {
                    foreach (var asset in assets.EnumerateArray())
                    {
                        if (ToRequest(asset, request.Scope, sweepId) is { } evaluation)
                        {
                            await publisher.PublishAsync(evaluation, cancellationToken).ConfigureAwait(false);
                            published++;
                        }
                        else
                        {
                            skipped++;
                        }
                    }
                }

                pageToken = JsonFieldPath.GetString(root, "nextPageToken");
            }

            if (pageToken is null)
            {
                return new SweepOutcome(published, skipped, pages, null, null);
            }
        }

        return new SweepOutcome(published, skipped, pages, request with { PageToken = pageToken, SweepId = sweepId }, null);
    }

    private static bool IsScope(string scope)
    {
        var parts = scope.Split('/');
        return parts.Length == 2 && parts[1].Length > 0 && parts[0] is "organizations" or "folders" or "projects";
    }

    private List<ResourceType> SelectTypes(IReadOnlyList<string>? requested)
    {
        var all = catalog.Types.Where(t => t.CaiListable);
        return requested is { Count: > 0 } ? [.. all.Where(t => requested.Contains(t.AssetType))] : [.. all];
    }

    private EvaluationRequest? ToRequest(JsonElement asset, string scope, string sweepId)
    {
        var name = JsonFieldPath.GetString(asset, "name");
        var assetType = JsonFieldPath.GetString(asset, "assetType");
        if (name is null || assetType is null || catalog.Find(assetType) is not { } type || type.ParseFullName(name) is not { } ids)
        {
            return null;
        }

        // Names without a project (buckets) take the project number from the asset's ancestry.
        var project = type.ProjectIdentifier is { } key && ids.TryGetValue(key, out var p) ? p : ProjectFromAncestors(asset);
        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["sweep_id"] = JsonString(sweepId),
            ["scope"] = JsonString(scope),
        };
        return new EvaluationRequest
        {
            Name = name,
            AssetType = assetType,
            ProjectId = project,
            Metadata = new EvaluationRequestMetadata { Src = _options.Src, Extra = extra },
        };
    }

    private static string? ProjectFromAncestors(JsonElement asset)
    {
        if (asset.TryGetProperty("ancestors", out var ancestors) && ancestors.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in ancestors.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.String && a.GetString() is { } s && s.StartsWith("projects/", StringComparison.Ordinal))
                {
                    return s["projects/".Length..];
                }
            }
        }

        return null;
    }

    private static JsonElement JsonString(string value) => JsonSerializer.SerializeToElement(value, RequestJsonContext.Default.String);

    private async ValueTask<(JsonDocument? Document, ReadOutcome? Failure)> ListPageAsync(
        string scope, List<ResourceType> types, string? pageToken, CancellationToken cancellationToken)
    {
        var root = _options.CloudAssetBaseUrl?.ToString() ?? $"https://{CloudAssetHost}/";
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        var url = new StringBuilder(root).Append("v1/").Append(scope).Append("/assets?pageSize=").Append(_options.PageSize);
        foreach (var type in types)
        {
            url.Append("&assetTypes=").Append(Uri.EscapeDataString(type.AssetType));
        }

        if (pageToken is not null)
        {
            url.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(url.ToString()));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = GoogleErrorClassifier.Classify(response.StatusCode, bytes, ListPermission, CloudAssetHost);
                // A 404 on a scope is a misconfiguration, not a deleted resource.
                return (null, failure is ResourceGone gone ? new ReadPermanentFailure(404, $"Scope {scope} not found: {gone.Message}") : failure);
            }

            return (JsonDocument.Parse(bytes), null);
        }
        catch (HttpRequestException ex)
        {
            return (null, new ReadTransientFailure(null, $"{CloudAssetHost} unreachable: {ex.Message}"));
        }
        catch (JsonException ex)
        {
            return (null, new ReadTransientFailure(null, $"{CloudAssetHost} returned a body that is not JSON: {ex.Message}"));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new ReadTransientFailure(null, $"{CloudAssetHost} timed out: {ex.Message}"));
        }
    }
}
