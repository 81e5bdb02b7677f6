namespace Enforcer.Core.Resources;

/// <summary>Everything the enforcer knows about one Cloud Asset Inventory asset type. Built from catalog data.</summary>
public sealed class ResourceType
{
    /// <summary>The CAI asset type, e.g. <c>storage.googleapis.com/Bucket</c>; also the policy input's <c>type</c>.</summary>
    public required string AssetType { get; init; }

    /// <summary>API host, e.g. <c>compute.googleapis.com</c>. Base-URL overrides are keyed by it.</summary>
    public required string Host { get; init; }

    /// <summary>Path from the host to the version root, e.g. <c>compute/v1/</c>.</summary>
    public required string BasePath { get; init; }

    /// <summary>The CAI full resource name, quirks included (e.g. <c>//storage.googleapis.com/{bucket}</c>).</summary>
    public required PathTemplate FullName { get; init; }

    /// <summary>Other full-name forms that also parse (e.g. GKE zonal names with <c>zones/</c>).</summary>
    public IReadOnlyList<PathTemplate> FullNameAliases { get; init; } = [];

    /// <summary>The identifier holding the project id or number, if the type lives in a project.</summary>
    public string? ProjectIdentifier { get; init; }

    /// <summary>The GET request.</summary>
    public required ApiRequestTemplate Get { get; init; }

    /// <summary>The getIamPolicy request, when the type's IAM policy is part of its policy input.</summary>
    public ApiRequestTemplate? IamRead { get; init; }

    /// <summary>Readiness field and values, if the type has a lifecycle state.</summary>
    public ReadinessRule? Readiness { get; init; }

    /// <summary>Dotted path of the labels map inside the resource document, if it has labels.</summary>
    public string? LabelsPath { get; init; }

    /// <summary>How stale writes fail for this API family.</summary>
    public ConcurrencyStyle Concurrency { get; init; }

    /// <summary>The long-running operation shape of the API.</summary>
    public OperationStyle Operations { get; init; }

    /// <summary>False for types Cloud Asset Inventory cannot list (the sweep skips them).</summary>
    public bool CaiListable { get; init; } = true;

    /// <summary>Why the entry looks the way it does, for docs.</summary>
    public string? Notes { get; init; }

    /// <summary>How audit-log entries map to this type.</summary>
    public required AuditMapping Audit { get; init; }

    /// <summary>The methods a remediation plan may call.</summary>
    public required IReadOnlyList<AllowedMethod> Methods { get; init; }

    /// <summary>The identifiers needed to name and read a resource (holes of the full name and the GET path).</summary>
    public IReadOnlyList<string> Identifiers =>
        _identifiers ??= [.. FullName.Variables.Concat(Get.Path.Variables).Distinct(StringComparer.Ordinal)];

    private IReadOnlyList<string>? _identifiers;

    /// <summary>The allowlisted method with this name, or null.</summary>
    public AllowedMethod? FindMethod(string name)
    {
        foreach (var method in Methods)
        {
            if (string.Equals(method.Name, name, StringComparison.Ordinal))
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>Parses a full resource name (any accepted form) into identifiers; null if it is not this type's.</summary>
    public IReadOnlyDictionary<string, string>? ParseFullName(string fullName)
    {
        var found = FullName.MatchExact(fullName);
        for (var i = 0; found is null && i < FullNameAliases.Count; i++)
        {
            found = FullNameAliases[i].MatchExact(fullName);
        }

        return found is not null && Identifiers.All(found.ContainsKey) ? found : null;
    }

    /// <summary>
    /// Builds the full resource name CAI would use. Where CAI has two forms (GKE: <c>zones/</c> for zonal clusters,
    /// <c>locations/</c> for regional ones) the alias whose literal matches the location's kind is chosen.
    /// </summary>
    public string FormatFullName(IReadOnlyDictionary<string, string> identifiers)
    {
        foreach (var alias in FullNameAliases)
        {
            if (alias.Text.Contains("/zones/{location}", StringComparison.Ordinal)
                && identifiers.TryGetValue("location", out var location) && IsZone(location))
            {
                return alias.Expand(identifiers);
            }
        }

        return FullName.Expand(identifiers);
    }

    // Zones are a region plus a letter suffix: us-central1-a.
    private static bool IsZone(string location)
    {
        var dash = location.LastIndexOf('-');
        return dash > 0 && dash == location.Length - 2 && char.IsAsciiLetterLower(location[^1]) && location.AsSpan(0, dash).Contains('-');
    }

    /// <summary>The absolute URL of a request, against the real host or an override (e.g. the fake API).</summary>
    public Uri BuildUrl(PathTemplate path, IReadOnlyDictionary<string, string> identifiers, Uri? baseOverride = null, string? query = null)
    {
        var root = baseOverride?.ToString() ?? $"https://{Host}/";
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        var url = root + BasePath + path.Expand(identifiers, escape: true);
        return new Uri(string.IsNullOrEmpty(query) ? url : url + "?" + query);
    }

    /// <summary>The resource's labels (string values only), read at <see cref="LabelsPath"/>; empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> ReadLabels(System.Text.Json.JsonElement resource)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (LabelsPath is not null && JsonFieldPath.TryGet(resource, LabelsPath, out var map) && map.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    labels[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return labels;
    }

    /// <inheritdoc/>
    public override string ToString() => AssetType;
}
