namespace Enforcer.Core.History;

/// <summary>A History answer, or why there is none (with a one-line reason for the caller).</summary>
public sealed record HistoryResult<T>(T? Value, HistoryFailure Failure, string? Reason)
    where T : class
{
    public static HistoryResult<T> Ok(T value) => new(value, HistoryFailure.None, null);

    public static HistoryResult<T> Invalid(string reason) => new(null, HistoryFailure.Invalid, reason);

    public static HistoryResult<T> NotFound(string reason) => new(null, HistoryFailure.NotFound, reason);
}
