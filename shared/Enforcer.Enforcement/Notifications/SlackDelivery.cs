namespace Enforcer.Enforcement.Notifications;

/// <summary>How posting one message to Slack ended.</summary>
/// <param name="Delivered">True when Slack answered 2xx.</param>
/// <param name="Attempts">HTTP attempts made.</param>
/// <param name="Failure">Why it was not delivered (status code, timeout, network error), null when delivered.</param>
public sealed record SlackDelivery(bool Delivered, int Attempts, string? Failure);
