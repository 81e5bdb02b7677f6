using System.Text.Json.Serialization;

namespace Enforcer.Core.History;

/// <summary>One source's position in a page token: after (time, id), not started, or exhausted.</summary>
/// <param name="T">Time of the last record returned, in 100 ns ticks since the Unix epoch; 0 when not started.</param>
/// <param name="I">Id of the last record returned; null when not started.</param>
/// <param name="D">True when the source has nothing further.</param>
public sealed record PageTokenPosition(long T = 0, string? I = null, bool D = false)
{
    public static PageTokenPosition NotStarted { get; } = new();

    public static PageTokenPosition Exhausted { get; } = new(D: true);

    public static PageTokenPosition After(DateTimeOffset at, string id) => new((at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks), id);

    /// <summary>The time and id of an "after" position; null for not started or exhausted ones.</summary>
    [JsonIgnore]
    public (DateTimeOffset At, string Id)? Cursor => I is null || D ? null : (DateTimeOffset.UnixEpoch.AddTicks(T), I);
}
