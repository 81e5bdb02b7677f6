namespace Enforcer.Rego.Builtins.Go;

/// <summary>Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), for any year.</summary>
internal static class GoCalendar
{
    public static readonly string[] LongMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static long DaysFromCivil(long year, long month, long day)
    {
        // Months outside 1..12 roll into the year, days beyond the month roll forward, as Go's time.Date.
        year += FloorDiv(month - 1, 12);
        month = FloorMod(month - 1, 12) + 1;
        var y = month <= 2 ? year - 1 : year;
        var era = FloorDiv(y, 400);
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468 + (day - 1);
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = FloorDiv(days, 146097);
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var year = yearOfEra + (era * 400);
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (month <= 2 ? year + 1 : year, month, day);
    }

    public static bool IsLeap(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysIn(int month, long year) => month == 2 ? (IsLeap(year) ? 29 : 28) : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>0 = Sunday.</summary>
    public static int Weekday(long days) => (int)FloorMod(days + 4, 7);

    public static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    public static long FloorMod(long a, long b) => a - (FloorDiv(a, b) * b);
}
