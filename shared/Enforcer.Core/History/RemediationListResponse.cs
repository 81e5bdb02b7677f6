using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>A page of remediation records (with their steps), most recently claimed first.</summary>
public sealed record RemediationListResponse(IReadOnlyList<RemediationRecord> Remediations, string? NextPageToken);
