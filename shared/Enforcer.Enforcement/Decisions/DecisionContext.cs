namespace Enforcer.Enforcement.Decisions;

/// <summary>What is known about the event behind a policy result.</summary>
/// <param name="ResourceName">Full resource name.</param>
/// <param name="ProjectId">Project id, when known.</param>
/// <param name="Principal">Who made the change (audit log), when known.</param>
/// <param name="EventTime">When the change happened (log timestamp or publish time).</param>
/// <param name="RequestEnforce">False when the request's control_data turned enforcement off.</param>
/// <param name="ApplyDelay">True when the enforcement delay applies (audit-log changes, or control_data.delay_enforcement).</param>
public sealed record DecisionContext(string ResourceName, string? ProjectId, string? Principal, DateTimeOffset? EventTime, bool RequestEnforce, bool ApplyDelay);
