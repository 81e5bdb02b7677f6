using Enforcer.Core.AuditLogs;

namespace Enforcer.Enforcement.Pipeline;

/// <summary>One resource of an event: what happened to it and the decision per applicable policy.</summary>
/// <param name="Resource">The resource as the event named it.</param>
/// <param name="Outcome">One of the <see cref="ResourceOutcomes"/> values.</param>
/// <param name="Detail">Why, for anything but a plain evaluation.</param>
/// <param name="Policies">The decisions (empty unless evaluated, or the violations closed for a deleted resource).</param>
public sealed record ResourceResult(ResourceRef Resource, string Outcome, string? Detail, IReadOnlyList<DecidedPolicy> Policies);
