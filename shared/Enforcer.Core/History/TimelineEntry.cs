using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

/// <summary>One thing that happened to a resource; exactly one of the record fields is set, as <see cref="Kind"/> says.</summary>
/// <param name="Kind">event, evaluation or remediation.</param>
/// <param name="At">When: an event's received_at, an evaluation's evaluated_at, a remediation's claimed_at.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Event">The event, for kind event.</param>
/// <param name="Evaluation">The evaluation, for kind evaluation.</param>
/// <param name="Remediation">The remediation record with its steps, for kind remediation.</param>
public sealed record TimelineEntry(
    string Kind,
    DateTimeOffset At,
    string Id,
    EventRecord? Event = null,
    EvaluationRecord? Evaluation = null,
    RemediationRecord? Remediation = null)
{
    public const string EventKind = "event";
    public const string EvaluationKind = "evaluation";
    public const string RemediationKind = "remediation";
}
