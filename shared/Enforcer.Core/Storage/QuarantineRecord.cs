namespace Enforcer.Core.Storage;

/// <summary>A resource the enforcer no longer fixes automatically until an operator releases it.</summary>
public sealed record QuarantineRecord(string Id, string ResourceName, string AssetType, string PolicyId, DateTimeOffset Since, string Reason, long RemediationsInWindow);
