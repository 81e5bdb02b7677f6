using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Enforcer.FakeGoogle;

// Cloud Asset Inventory v1 assets.list: GET v1/{parent}/assets?assetTypes=&pageSize=&pageToken=, names only.
public sealed partial class FakeGoogleServer
{
    private const int DefaultPageSize = 100;

    private Reply ListAssets(string verb, string path, IQueryCollection query)
    {
        var parts = path.Split('/');
        if (verb != "GET" || parts.Length != 4 || parts[0] != "v1" || parts[3] != "assets" || parts[1] is not ("organizations" or "folders" or "projects"))
        {
            return Error(404, $"The fake has no Cloud Asset route for {verb} {path}.", "unrouted");
        }

        var scope = parts[1] + "/" + parts[2];
        var types = query["assetTypes"].Where(t => !string.IsNullOrEmpty(t)).ToHashSet(StringComparer.Ordinal);
        var pageSize = int.TryParse(query["pageSize"].FirstOrDefault(), CultureInfo.InvariantCulture, out var size) && size > 0 ? Math.Min(size, 1000) : DefaultPageSize;
        var offset = 0;
        if (query["pageToken"].FirstOrDefault() is { Length: > 0 } token)
        {
            if (!token.StartsWith("page-", StringComparison.Ordinal) || !int.TryParse(token.AsSpan(5), CultureInfo.InvariantCulture, out offset))
            {
                return Error(400, "Invalid page token.", "assets.list");
            }
        }

        var matching = _resources.Values
            .Where(r => r.Type.CaiListable && (types.Count == 0 || types.Contains(r.Type.AssetType)))
            .Select(r => (Resource: r, Ancestors: AncestorsOf(r)))
            .Where(x => x.Ancestors.Contains(scope, StringComparer.Ordinal) || x.Resource.FullName.EndsWith("/" + scope, StringComparison.Ordinal))
            .OrderBy(x => x.Resource.FullName, StringComparer.Ordinal)
            .ToList();

        var assets = new JsonArray();
        foreach (var (resource, ancestors) in matching.Skip(offset).Take(pageSize))
        {
            assets.Add(new JsonObject
            {
                ["name"] = resource.FullName,
                ["assetType"] = resource.Type.AssetType,
                ["ancestors"] = new JsonArray([.. ancestors.Select(a => (JsonNode)a)]),
            });
        }

        var page = new JsonObject
        {
            ["readTime"] = Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["assets"] = assets,
        };
        if (offset + pageSize < matching.Count)
        {
            page["nextPageToken"] = "page-" + (offset + pageSize).ToString(CultureInfo.InvariantCulture);
        }

        return new Reply(200, page.ToJsonString(), null, "assets.list");
    }

    private List<string> AncestorsOf(FakeResource resource)
    {
        var ids = resource.Identifiers;
        var project = ids.GetValueOrDefault(resource.Type.ProjectIdentifier ?? "project");
        if (project is null)
        {
            // Organizations and folders sit under the default organization.
            return resource.Type.AssetType.EndsWith("/Organization", StringComparison.Ordinal) ? [] : [DefaultOrganization];
        }

        var list = new List<string> { "projects/" + project };
        list.AddRange(_ancestry.TryGetValue(project, out var configured) ? configured : [DefaultOrganization]);
        return list;
    }
}
