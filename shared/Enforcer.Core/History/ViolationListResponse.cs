using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>A page of violations, most recently updated first.</summary>
public sealed record ViolationListResponse(IReadOnlyList<ViolationRecord> Violations, string? NextPageToken);
