namespace Enforcer.Core.Processing;

/// <summary>Clock readings at the store's precision (microseconds), so cursors compare exactly after a round trip.</summary>
public static class Timestamps
{
    public static DateTimeOffset Now(TimeProvider timeProvider) => Truncate(timeProvider.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
