using System.Collections.Frozen;
using System.Text.Json;

namespace Enforcer.Core.Resources;

/// <summary>The immutable set of supported resource types, keyed by Cloud Asset Inventory asset type.</summary>
public sealed class ResourceCatalog
{
    private static readonly Lazy<ResourceCatalog> DefaultCatalog = new(LoadEmbedded);
    private readonly FrozenDictionary<string, ResourceType> _byAssetType;

    private ResourceCatalog(IReadOnlyList<ResourceType> types)
    {
        Types = types;
        _byAssetType = types.ToFrozenDictionary(t => t.AssetType, StringComparer.Ordinal);
    }

    /// <summary>The catalog shipped with the product (embedded catalog.json).</summary>
    public static ResourceCatalog Default => DefaultCatalog.Value;

    /// <summary>Every type, in catalog order.</summary>
    public IReadOnlyList<ResourceType> Types { get; }

    /// <summary>The type for an asset type, or null.</summary>
    public ResourceType? Find(string assetType) => _byAssetType.GetValueOrDefault(assetType);

    /// <summary>True if the asset type is supported.</summary>
    public bool Contains(string assetType) => _byAssetType.ContainsKey(assetType);

    /// <summary>Loads a catalog from its JSON form (the embedded one, or a test's own).</summary>
    public static ResourceCatalog Load(ReadOnlySpan<byte> json)
    {
        var doc = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.CatalogDocument)
            ?? throw new FormatException("The resource catalog is empty.");
        var types = new List<ResourceType>(doc.Types.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in doc.Types)
        {
            if (!seen.Add(entry.AssetType))
            {
                throw new FormatException($"Asset type '{entry.AssetType}' appears twice in the catalog.");
            }

            types.Add(Build(entry));
        }

        return new ResourceCatalog(types);
    }

    private static ResourceCatalog LoadEmbedded()
    {
        using var stream = typeof(ResourceCatalog).Assembly.GetManifestResourceStream("Enforcer.Core.Resources.catalog.json")
            ?? throw new InvalidOperationException("The embedded resource catalog is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray());
    }

    private static ResourceType Build(CatalogTypeEntry e)
    {
        var where = e.AssetType;
        return new ResourceType
        {
            AssetType = e.AssetType,
            Host = e.Host,
            BasePath = e.BasePath,
            FullName = PathTemplate.Parse(e.FullName),
            FullNameAliases = [.. (e.FullNameAliases ?? []).Select(PathTemplate.Parse)],
            ProjectIdentifier = e.ProjectIdentifier,
            Get = Request(e.Get),
            IamRead = e.IamRead is null ? null : Request(e.IamRead),
            Readiness = e.Readiness is null ? null : new ReadinessRule(e.Readiness.Field, e.Readiness.Ready, e.Readiness.Terminal),
            LabelsPath = e.Labels,
            Concurrency = Parse<ConcurrencyStyle>(e.Concurrency, where),
            Operations = Parse<OperationStyle>(e.Operations, where),
            CaiListable = e.CaiListable,
            Notes = e.Notes,
            Audit = new AuditMapping(
                e.Audit.Services,
                e.Audit.Methods ?? [],
                [.. e.Audit.ResourceNames.Select(PathTemplate.Parse)],
                e.Audit.MonitoredResource,
                (e.Audit.Fields ?? []).ToFrozenDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal)),
            Methods = [.. e.Methods.Select(m => new AllowedMethod(
                m.Name, m.Verb, PathTemplate.Parse(m.Path), m.Permission,
                Parse<MethodBody>(m.Body, where), Parse<MethodReturns>(m.Returns, where), Parse<MethodEffect>(m.Effect, where), m.Target))],
        };
    }

    private static ApiRequestTemplate Request(CatalogRequestEntry r) => new(r.Verb, PathTemplate.Parse(r.Path), r.Permission, r.Query);

    private static T Parse<T>(string value, string where)
        where T : struct, Enum
    {
        var normal = value.Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(normal, ignoreCase: true, out var parsed)
            ? parsed
            : throw new FormatException($"'{value}' is not a {typeof(T).Name} (catalog entry {where}).");
    }
}
