namespace Enforcer.Core.Resources;

// The on-disk shape of catalog.json. Kept apart from the domain types so the data can stay terse.
internal sealed class CatalogDocument
{
    public List<CatalogTypeEntry> Types { get; set; } = [];
}

internal sealed class CatalogTypeEntry
{
    public string AssetType { get; set; } = "";
    public string Host { get; set; } = "";
    public string BasePath { get; set; } = "";
    public string FullName { get; set; } = "";
    public List<string>? FullNameAliases { get; set; }
    public string? ProjectIdentifier { get; set; }
    public CatalogRequestEntry Get { get; set; } = new();
    public CatalogRequestEntry? IamRead { get; set; }
    public CatalogReadinessEntry? Readiness { get; set; }
    public string? Labels { get; set; }
    public string Concurrency { get; set; } = "etag";
    public string Operations { get; set; } = "none";
    public bool CaiListable { get; set; } = true;
    public string? Notes { get; set; }
    public CatalogAuditEntry Audit { get; set; } = new();
    public List<CatalogMethodEntry> Methods { get; set; } = [];
}

internal sealed class CatalogRequestEntry
{
    public string Verb { get; set; } = "GET";
    public string Path { get; set; } = "";
    public string Permission { get; set; } = "";
    public string? Query { get; set; }
}

internal sealed class CatalogReadinessEntry
{
    public string Field { get; set; } = "";
    public List<string> Ready { get; set; } = [];
    public List<string> Terminal { get; set; } = [];
}

internal sealed class CatalogAuditEntry
{
    public List<string> Services { get; set; } = [];
    public List<string>? Methods { get; set; }
    public List<string> ResourceNames { get; set; } = [];
    public string? MonitoredResource { get; set; }
    public Dictionary<string, List<string>>? Fields { get; set; }
}

internal sealed class CatalogMethodEntry
{
    public string Name { get; set; } = "";
    public string Verb { get; set; } = "";
    public string Path { get; set; } = "";
    public string Permission { get; set; } = "";
    public string Body { get; set; } = "none";
    public string Returns { get; set; } = "resource";
    public string Effect { get; set; } = "none";
    public string? Target { get; set; }
}
