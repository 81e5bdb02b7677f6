using Enforcer.Core.AuditLogs;

namespace Enforcer.Core.Reading;

/// <summary>
/// The caller-side bound on redelivery for transient read outcomes (not ready, 429/5xx): retry while the event
/// is younger than <see cref="MaxEventAge"/> and has been attempted fewer than <see cref="MaxAttempts"/> times,
/// then give up and record a permanent failure. Replaces the seed's 15-minute blocking wait.
/// </summary>
public sealed record ReadRetryBound
{
    /// <summary>Give up on events older than this (default 30 minutes: Cloud SQL creation can take 15).</summary>
    public TimeSpan MaxEventAge { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Give up after this many deliveries, when the platform reports them (default 20).</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>
    /// How long a 404 right after a logged create counts as "not visible yet" rather than "gone": some APIs
    /// answer 404 until the create's long-running operation has progressed (default 5 minutes).
    /// </summary>
    public TimeSpan CreateGrace { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Decides for a resource of an event: as <see cref="Decide"/>, except that <see cref="ResourceGone"/> for a
    /// resource the event created is retried within <see cref="CreateGrace"/> and the attempt bound.
    /// </summary>
    public RetryDecision DecideForEvent(ReadOutcome outcome, ResourceRef resource, EventMetadata metadata, int? attempt, TimeProvider time)
    {
        if (outcome is ResourceGone && resource.Operation == OperationKind.Create && metadata.Timestamp is { } at)
        {
            if (attempt is { } a && a >= MaxAttempts)
            {
                return new RetryDecision(false, $"Gave up after {a} attempts (bound {MaxAttempts}).");
            }

            return time.GetUtcNow() - at <= CreateGrace
                ? new RetryDecision(true, "Created moments ago and not visible yet; retrying.")
                : new RetryDecision(false, $"Still not found {CreateGrace} after its create was logged.");
        }

        return Decide(outcome, metadata.Timestamp, attempt, time);
    }

    /// <summary>Decides whether a transient outcome should be retried.</summary>
    /// <param name="outcome">The read outcome.</param>
    /// <param name="eventTime">When the event happened (log timestamp or publish time); null if unknown.</param>
    /// <param name="attempt">Delivery attempt (1-based) if the platform reports it, else null.</param>
    /// <param name="time">The clock.</param>
    public RetryDecision Decide(ReadOutcome outcome, DateTimeOffset? eventTime, int? attempt, TimeProvider time)
    {
        if (!outcome.IsTransient)
        {
            return new RetryDecision(false, "The outcome is not transient.");
        }

        if (attempt is { } a && a >= MaxAttempts)
        {
            return new RetryDecision(false, $"Gave up after {a} attempts (bound {MaxAttempts}).");
        }

        if (eventTime is { } at && time.GetUtcNow() - at > MaxEventAge)
        {
            return new RetryDecision(false, $"Gave up: the event is older than {MaxEventAge} (happened at {at:O}).");
        }

        return new RetryDecision(true, "Transient; within the retry bound.");
    }
}
