namespace Enforcer.Hosting;

/// <summary>What an event endpoint answers when it accepted a delivery.</summary>
public sealed record EventResponse(string Outcome, string Detail, string? DeliveryId);
