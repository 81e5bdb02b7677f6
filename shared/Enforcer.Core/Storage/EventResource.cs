namespace Enforcer.Core.Storage;

/// <summary>A resource an event touched: its asset type, full resource name and the operation on it.</summary>
public sealed record EventResource(string AssetType, string Name, string Operation);
