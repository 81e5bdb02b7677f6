using Enforcer.Core.Resources;

namespace Enforcer.Core.AuditLogs;

/// <summary>A resource an event touched, identified well enough to read it through the catalog.</summary>
/// <param name="AssetType">The CAI asset type (the catalog key).</param>
/// <param name="FullName">The CAI full resource name (the policy input's <c>name</c>).</param>
/// <param name="Identifiers">The catalog type's identifiers (project, zone, instance, ...).</param>
/// <param name="ProjectId">Project id (or number) when known; buckets get it from the log's resource labels.</param>
/// <param name="Operation">What the event did.</param>
/// <param name="Deleted">True when the event deleted this very resource: record "resource deleted", do not read it.</param>
public sealed record ResourceRef(
    string AssetType,
    string FullName,
    IReadOnlyDictionary<string, string> Identifiers,
    string? ProjectId,
    OperationKind Operation,
    bool Deleted)
{
    /// <summary>The catalog type of this resource.</summary>
    public ResourceType? TypeIn(ResourceCatalog catalog) => catalog.Find(AssetType);

    /// <inheritdoc/>
    public bool Equals(ResourceRef? other) =>
        other is not null && AssetType == other.AssetType && FullName == other.FullName && ProjectId == other.ProjectId
        && Operation == other.Operation && Deleted == other.Deleted
        && Identifiers.Count == other.Identifiers.Count
        && Identifiers.All(kv => other.Identifiers.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AssetType, FullName, Operation, Deleted);
}
