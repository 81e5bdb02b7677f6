namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// An instant in a zone, at nanosecond precision: Unix seconds, nanoseconds, the zone's offset at that
/// instant and its abbreviation (empty when unknown).
/// </summary>
internal readonly record struct GoTime(long UnixSeconds, int Nanosecond, int Offset, string ZoneName)
{
    /// <summary>Nanoseconds per second.</summary>
    public const long NanosPerSecond = 1_000_000_000;

    /// <summary>The instant of a Unix-nanoseconds value in a zone (null = UTC).</summary>
    public static GoTime FromUnixNanos(long nanos, TimeZoneInfo? zone)
    {
        var seconds = GoCalendar.FloorDiv(nanos, NanosPerSecond);
        var nano = (int)(nanos - (seconds * NanosPerSecond));
        if (zone is null)
        {
            return new GoTime(seconds, nano, 0, "UTC");
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var offset = (int)zone.GetUtcOffset(instant).TotalSeconds;
        var name = zone.IsDaylightSavingTime(instant) ? zone.DaylightName : zone.StandardName;
        return new GoTime(seconds, nano, offset, name);
    }

    /// <summary>Go's time.Date: wall-clock fields (normalised when out of range) in a zone (null = UTC).</summary>
    public static GoTime FromCivil(long year, long month, long day, long hour, long minute, long second, long nanosecond, TimeZoneInfo? zone)
    {
        second += GoCalendar.FloorDiv(nanosecond, NanosPerSecond);
        nanosecond = GoCalendar.FloorMod(nanosecond, NanosPerSecond);
        var local = (GoCalendar.DaysFromCivil(year, month, day) * 86400) + (hour * 3600) + (minute * 60) + second;
        if (zone is null)
        {
            return new GoTime(local, (int)nanosecond, 0, "UTC");
        }

        // Guess the offset from the wall clock, then correct it if a transition lies in between.
        var offset = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(local)).TotalSeconds;
        var utc = local - offset;
        var corrected = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(utc)).TotalSeconds;
        if (corrected != offset)
        {
            utc = local - corrected;
        }

        return Rezone(utc, (int)nanosecond, zone);
    }

    private static GoTime Rezone(long utc, int nanosecond, TimeZoneInfo zone)
    {
        var instant = DateTimeOffset.FromUnixTimeSeconds(utc);
        var offset = (int)zone.GetUtcOffset(instant).TotalSeconds;
        var name = zone.IsDaylightSavingTime(instant) ? zone.DaylightName : zone.StandardName;
        return new GoTime(utc, nanosecond, offset, name);
    }

    /// <summary>Unix nanoseconds, or null outside the int64 range (Go's "time outside of valid range").</summary>
    public long? UnixNanos
    {
        get
        {
            var value = ((Int128)UnixSeconds * NanosPerSecond) + Nanosecond;
            return value < long.MinValue || value > long.MaxValue ? null : (long)value;
        }
    }

    private long LocalSeconds => UnixSeconds + Offset;

    private long LocalDays => GoCalendar.FloorDiv(LocalSeconds, 86400);

    public (long Year, int Month, int Day) Date => GoCalendar.CivilFromDays(LocalDays);

    public (int Hour, int Minute, int Second) Clock
    {
        get
        {
            var secondOfDay = (int)GoCalendar.FloorMod(LocalSeconds, 86400);
            return (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
        }
    }

    /// <summary>0 = Sunday.</summary>
    public int Weekday => GoCalendar.Weekday(LocalDays);

    /// <summary>1-based day of the year.</summary>
    public int YearDay
    {
        get
        {
            var (year, _, _) = Date;
            return (int)(LocalDays - GoCalendar.DaysFromCivil(year, 1, 1)) + 1;
        }
    }
}
