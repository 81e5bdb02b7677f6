using System.Globalization;
using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>
/// Go's reference-time layouts ("2006-01-02T15:04:05Z07:00"): formatting and parsing with Go's
/// element rules (Jan/January, _2, 002, 15/3/03, PM, MST, -07:00, Z07:00, .000/.999 ...) and its
/// parse error texts.
/// </summary>
internal static class GoTimeLayout
{
    /// <summary>The named layouts OPA accepts in place of a layout string.</summary>
    public static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["ANSIC"] = "Mon Jan _2 15:04:05 2006",
        ["UnixDate"] = "Mon Jan _2 15:04:05 MST 2006",
        ["RubyDate"] = "Mon Jan 02 15:04:05 -0700 2006",
        ["RFC822"] = "02 Jan 06 15:04 MST",
        ["RFC822Z"] = "02 Jan 06 15:04 -0700",
        ["RFC850"] = "Monday, 02-Jan-06 15:04:05 MST",
        ["RFC1123"] = "Mon, 02 Jan 2006 15:04:05 MST",
        ["RFC1123Z"] = "Mon, 02 Jan 2006 15:04:05 -0700",
        ["RFC3339"] = "2006-01-02T15:04:05Z07:00",
        ["RFC3339Nano"] = "2006-01-02T15:04:05.999999999Z07:00",
    };

    private enum Std
    {
        None,
        LongMonth,
        Month,
        NumMonth,
        ZeroMonth,
        LongWeekDay,
        WeekDay,
        Day,
        UnderDay,
        ZeroDay,
        UnderYearDay,
        ZeroYearDay,
        Hour,
        Hour12,
        ZeroHour12,
        Minute,
        ZeroMinute,
        Second,
        ZeroSecond,
        LongYear,
        Year,
        PM,
        pm,
        TZ,
        ISO8601TZ,
        ISO8601SecondsTZ,
        ISO8601ShortTZ,
        ISO8601ColonTZ,
        ISO8601ColonSecondsTZ,
        NumTZ,
        NumSecondsTz,
        NumShortTZ,
        NumColonTZ,
        NumColonSecondsTZ,
        FracSecond0,
        FracSecond9,
    }

    /// <summary>One layout element: its kind, and for fractional seconds the digit count and separator.</summary>
    private readonly record struct Element(Std Kind, int Digits = 0, char Separator = '.');

    /// <summary>Go's nextStdChunk: the literal prefix, the first element, and the rest of the layout.</summary>
    private static (string Prefix, Element Element, string Suffix) NextChunk(string layout)
    {
        for (var i = 0; i < layout.Length; i++)
        {
            var c = layout[i];
            string Rest(int n) => layout[(i + n)..];
            switch (c)
            {
                case 'J':
                    if (At(layout, i, "Jan"))
                    {
                        if (At(layout, i, "January"))
                        {
                            return (layout[..i], new(Std.LongMonth), Rest(7));
                        }

                        if (!StartsWithLower(layout, i + 3))
                        {
                            return (layout[..i], new(Std.Month), Rest(3));
                        }
                    }

                    break;
                case 'M':
                    if (At(layout, i, "Mon"))
                    {
                        if (At(layout, i, "Monday"))
                        {
                            return (layout[..i], new(Std.LongWeekDay), Rest(6));
                        }

                        if (!StartsWithLower(layout, i + 3))
                        {
                            return (layout[..i], new(Std.WeekDay), Rest(3));
                        }
                    }

                    if (At(layout, i, "MST"))
                    {
                        return (layout[..i], new(Std.TZ), Rest(3));
                    }

                    break;
                case '0':
                    if (i + 1 < layout.Length && layout[i + 1] is >= '1' and <= '6')
                    {
                        Std[] kinds = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];
                        return (layout[..i], new(kinds[layout[i + 1] - '1']), Rest(2));
                    }

                    if (At(layout, i, "002"))
                    {
                        return (layout[..i], new(Std.ZeroYearDay), Rest(3));
                    }

                    break;
                case '1':
                    if (i + 1 < layout.Length && layout[i + 1] == '5')
                    {
                        return (layout[..i], new(Std.Hour), Rest(2));
                    }

                    return (layout[..i], new(Std.NumMonth), Rest(1));
                case '2':
                    if (At(layout, i, "2006"))
                    {
                        return (layout[..i], new(Std.LongYear), Rest(4));
                    }

                    return (layout[..i], new(Std.Day), Rest(1));
                case '_':
                    if (i + 1 < layout.Length && layout[i + 1] == '2')
                    {
                        // "_2006" is a literal underscore followed by the long year.
                        if (At(layout, i + 1, "2006"))
                        {
                            return (layout[..(i + 1)], new(Std.LongYear), Rest(5));
                        }

                        return (layout[..i], new(Std.UnderDay), Rest(2));
                    }

                    if (At(layout, i, "__2"))
                    {
                        return (layout[..i], new(Std.UnderYearDay), Rest(3));
                    }

                    break;
                case '3':
                    return (layout[..i], new(Std.Hour12), Rest(1));
                case '4':
                    return (layout[..i], new(Std.Minute), Rest(1));
                case '5':
                    return (layout[..i], new(Std.Second), Rest(1));
                case 'P':
                    if (i + 1 < layout.Length && layout[i + 1] == 'M')
                    {
                        return (layout[..i], new(Std.PM), Rest(2));
                    }

                    break;
                case 'p':
                    if (i + 1 < layout.Length && layout[i + 1] == 'm')
                    {
                        return (layout[..i], new(Std.pm), Rest(2));
                    }

                    break;
                case '-':
                    if (At(layout, i, "-070000"))
                    {
                        return (layout[..i], new(Std.NumSecondsTz), Rest(7));
                    }

                    if (At(layout, i, "-07:00:00"))
                    {
                        return (layout[..i], new(Std.NumColonSecondsTZ), Rest(9));
                    }

                    if (At(layout, i, "-0700"))
                    {
                        return (layout[..i], new(Std.NumTZ), Rest(5));
                    }

                    if (At(layout, i, "-07:00"))
                    {
                        return (layout[..i], new(Std.NumColonTZ), Rest(6));
                    }

                    if (At(layout, i, "-07"))
                    {
                        return (layout[..i], new(Std.NumShortTZ), Rest(3));
                    }

                    break;
                case 'Z':
                    if (At(layout, i, "Z070000"))
                    {
                        return (layout[..i], new(Std.ISO8601SecondsTZ), Rest(7));
                    }

                    if (At(layout, i, "Z07:00:00"))
                    {
                        return (layout[..i], new(Std.ISO8601ColonSecondsTZ), Rest(9));
                    }

                    if (At(layout, i, "Z0700"))
                    {
                        return (layout[..i], new(Std.ISO8601TZ), Rest(5));
                    }

                    if (At(layout, i, "Z07:00"))
                    {
                        return (layout[..i], new(Std.ISO8601ColonTZ), Rest(6));
                    }

                    if (At(layout, i, "Z07"))
                    {
                        return (layout[..i], new(Std.ISO8601ShortTZ), Rest(3));
                    }

                    break;
                case '.' or ',':
                    if (i + 1 < layout.Length && layout[i + 1] is '0' or '9')
                    {
                        var digit = layout[i + 1];
                        var j = i + 1;
                        while (j < layout.Length && layout[j] == digit)
                        {
                            j++;
                        }

                        // Only a fractional second when the run of digits ends the number.
                        if (!(j < layout.Length && char.IsAsciiDigit(layout[j])))
                        {
                            var kind = digit == '0' ? Std.FracSecond0 : Std.FracSecond9;
                            return (layout[..i], new(kind, j - (i + 1), c), layout[j..]);
                        }
                    }

                    break;
            }
        }

        return (layout, new(Std.None), string.Empty);
    }

    private static bool At(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0 && i + token.Length <= s.Length;

    private static bool StartsWithLower(string s, int i) => i < s.Length && s[i] is >= 'a' and <= 'z';

    public static string Format(GoTime time, string layout)
    {
        var (year, month, day) = time.Date;
        var (hour, minute, second) = time.Clock;
        var builder = new StringBuilder();
        while (layout.Length > 0)
        {
            var (prefix, element, suffix) = NextChunk(layout);
            builder.Append(prefix);
            if (element.Kind == Std.None)
            {
                break;
            }

            layout = suffix;
            switch (element.Kind)
            {
                case Std.Year:
                    AppendInt(builder, Math.Abs(year) % 100, 2);
                    break;
                case Std.LongYear:
                    AppendInt(builder, year, 4);
                    break;
                case Std.Month:
                    builder.Append(GoCalendar.LongMonths[month - 1], 0, 3);
                    break;
                case Std.LongMonth:
                    builder.Append(GoCalendar.LongMonths[month - 1]);
                    break;
                case Std.NumMonth:
                    AppendInt(builder, month, 0);
                    break;
                case Std.ZeroMonth:
                    AppendInt(builder, month, 2);
                    break;
                case Std.WeekDay:
                    builder.Append(GoCalendar.LongDays[time.Weekday], 0, 3);
                    break;
                case Std.LongWeekDay:
                    builder.Append(GoCalendar.LongDays[time.Weekday]);
                    break;
                case Std.Day:
                    AppendInt(builder, day, 0);
                    break;
                case Std.UnderDay:
                    if (day < 10)
                    {
                        builder.Append(' ');
                    }

                    AppendInt(builder, day, 0);
                    break;
                case Std.ZeroDay:
                    AppendInt(builder, day, 2);
                    break;
                case Std.UnderYearDay:
                    if (time.YearDay < 100)
                    {
                        builder.Append(time.YearDay < 10 ? "  " : " ");
                    }

                    AppendInt(builder, time.YearDay, 0);
                    break;
                case Std.ZeroYearDay:
                    AppendInt(builder, time.YearDay, 3);
                    break;
                case Std.Hour:
                    AppendInt(builder, hour, 2);
                    break;
                case Std.Hour12:
                    AppendInt(builder, hour % 12 == 0 ? 12 : hour % 12, 0);
                    break;
                case Std.ZeroHour12:
                    AppendInt(builder, hour % 12 == 0 ? 12 : hour % 12, 2);
                    break;
                case Std.Minute:
                    AppendInt(builder, minute, 0);
                    break;
                case Std.ZeroMinute:
                    AppendInt(builder, minute, 2);
                    break;
                case Std.Second:
                    AppendInt(builder, second, 0);
                    break;
                case Std.ZeroSecond:
                    AppendInt(builder, second, 2);
                    break;
                case Std.PM:
                    builder.Append(hour >= 12 ? "PM" : "AM");
                    break;
                case Std.pm:
                    builder.Append(hour >= 12 ? "pm" : "am");
                    break;
                case Std.ISO8601TZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonTZ or Std.ISO8601ColonSecondsTZ when time.Offset == 0:
                    builder.Append('Z');
                    break;
                case Std.ISO8601TZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonTZ or Std.ISO8601ColonSecondsTZ
                    or Std.NumTZ or Std.NumSecondsTz or Std.NumShortTZ or Std.NumColonTZ or Std.NumColonSecondsTZ:
                    AppendOffset(builder, time.Offset, element.Kind);
                    break;
                case Std.TZ:
                    if (time.ZoneName.Length > 0)
                    {
                        builder.Append(time.ZoneName);
                    }
                    else
                    {
                        AppendOffset(builder, time.Offset, Std.NumTZ);
                    }

                    break;
                case Std.FracSecond0 or Std.FracSecond9:
                    AppendNanos(builder, time.Nanosecond, element);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AppendOffset(StringBuilder builder, int offset, Std kind)
    {
        var zone = offset / 60;
        var absolute = offset;
        if (zone < 0)
        {
            builder.Append('-');
            zone = -zone;
            absolute = -absolute;
        }
        else
        {
            builder.Append('+');
        }

        AppendInt(builder, zone / 60, 2);
        if (kind is Std.ISO8601ColonTZ or Std.NumColonTZ or Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ)
        {
            builder.Append(':');
        }

        if (kind is not Std.NumShortTZ and not Std.ISO8601ShortTZ)
        {
            AppendInt(builder, zone % 60, 2);
        }

        if (kind is Std.ISO8601SecondsTZ or Std.NumSecondsTz or Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ)
        {
            if (kind is Std.NumColonSecondsTZ or Std.ISO8601ColonSecondsTZ)
            {
                builder.Append(':');
            }

            AppendInt(builder, absolute % 60, 2);
        }
    }

    private static void AppendNanos(StringBuilder builder, int nanos, Element element)
    {
        var trim = element.Kind == Std.FracSecond9;
        if (trim && (element.Digits == 0 || nanos == 0))
        {
            return;
        }

        var digits = nanos.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(9, element.Digits)];
        if (trim)
        {
            digits = digits.TrimEnd('0');
            if (digits.Length == 0)
            {
                return;
            }
        }

        builder.Append(element.Separator).Append(digits);
    }

    private static void AppendInt(StringBuilder builder, long value, int width)
    {
        if (value < 0)
        {
            builder.Append('-');
            value = -value;
        }

        builder.Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
    }

    /// <summary>Go's time.Parse (the default location is UTC); null with Go's error text on failure.</summary>
    public static GoTime? Parse(string layout, string value, out string? error)
    {
        var originalLayout = layout;
        var originalValue = value;
        var rangeError = string.Empty;
        bool amSet = false, pmSet = false;
        long year = 0;
        int month = -1, day = -1, yearDay = -1, hour = 0, minute = 0, second = 0, nanos = 0;
        var utc = false;
        var zoneOffset = -1;
        var zoneName = string.Empty;
        error = null;

        while (true)
        {
            var (prefix, element, suffix) = NextChunk(layout);
            var elementText = layout[prefix.Length..(layout.Length - suffix.Length)];
            if (!Skip(ref value, prefix))
            {
                error = ParseError(originalLayout, originalValue, prefix, value, string.Empty);
                return null;
            }

            if (element.Kind == Std.None)
            {
                if (value.Length != 0)
                {
                    error = ParseError(originalLayout, originalValue, string.Empty, value, ": extra text: " + Quote(value));
                    return null;
                }

                break;
            }

            layout = suffix;
            var hold = value;
            var ok = true;
            switch (element.Kind)
            {
                case Std.Year:
                    if (value.Length < 2)
                    {
                        ok = false;
                        break;
                    }

                    if (TryAtoi(value[..2], out var shortYear))
                    {
                        value = value[2..];
                        year = shortYear >= 69 ? shortYear + 1900 : shortYear + 2000;
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case Std.LongYear:
                    if (value.Length < 4 || !char.IsAsciiDigit(value[0]) || !TryAtoi(value[..4], out var longYear))
                    {
                        ok = false;
                        break;
                    }

                    year = longYear;
                    value = value[4..];
                    break;
                case Std.Month or Std.LongMonth:
                    month = Lookup(element.Kind == Std.Month ? GoCalendar.LongMonths.Select(m => m[..3]).ToArray() : GoCalendar.LongMonths, ref value) + 1;
                    ok = month > 0;
                    break;
                case Std.NumMonth or Std.ZeroMonth:
                    ok = GetNumber(ref value, element.Kind == Std.ZeroMonth, out month);
                    if (ok && month is <= 0 or > 12)
                    {
                        rangeError = "month";
                    }

                    break;
                case Std.WeekDay or Std.LongWeekDay:
                    ok = Lookup(element.Kind == Std.WeekDay ? GoCalendar.LongDays.Select(d => d[..3]).ToArray() : GoCalendar.LongDays, ref value) >= 0;
                    break;
                case Std.Day or Std.UnderDay or Std.ZeroDay:
                    if (element.Kind == Std.UnderDay && value.Length > 0 && value[0] == ' ')
                    {
                        value = value[1..];
                    }

                    ok = GetNumber(ref value, element.Kind == Std.ZeroDay, out day);
                    break;
                case Std.UnderYearDay or Std.ZeroYearDay:
                    for (var k = 0; k < 2; k++)
                    {
                        if (element.Kind == Std.UnderYearDay && value.Length > 0 && value[0] == ' ')
                        {
                            value = value[1..];
                        }
                    }

                    ok = GetNumber3(ref value, element.Kind == Std.ZeroYearDay, out yearDay);
                    break;
                case Std.Hour:
                    ok = GetNumber(ref value, false, out hour);
                    if (hour is < 0 or >= 24)
                    {
                        rangeError = "hour";
                    }

                    break;
                case Std.Hour12 or Std.ZeroHour12:
                    ok = GetNumber(ref value, element.Kind == Std.ZeroHour12, out hour);
                    if (hour is < 0 or > 12)
                    {
                        rangeError = "hour";
                    }

                    break;
                case Std.Minute or Std.ZeroMinute:
                    ok = GetNumber(ref value, element.Kind == Std.ZeroMinute, out minute);
                    if (minute is < 0 or >= 60)
                    {
                        rangeError = "minute";
                    }

                    break;
                case Std.Second or Std.ZeroSecond:
                    ok = GetNumber(ref value, element.Kind == Std.ZeroSecond, out second);
                    if (!ok)
                    {
                        break;
                    }

                    if (second is < 0 or >= 60)
                    {
                        rangeError = "second";
                        break;
                    }

                    // A fractional second in the value that the layout does not spell out.
                    if (value.Length >= 2 && value[0] is '.' or ',' && char.IsAsciiDigit(value[1]))
                    {
                        var next = NextChunk(layout).Element.Kind;
                        if (next is Std.FracSecond0 or Std.FracSecond9)
                        {
                            break;
                        }

                        var n = 2;
                        while (n < value.Length && char.IsAsciiDigit(value[n]))
                        {
                            n++;
                        }

                        ok = ParseNanos(value, n, out nanos, ref rangeError);
                        value = value[n..];
                    }

                    break;
                case Std.PM or Std.pm:
                    if (value.Length < 2)
                    {
                        ok = false;
                        break;
                    }

                    var meridiem = value[..2];
                    value = value[2..];
                    if (meridiem == (element.Kind == Std.PM ? "PM" : "pm"))
                    {
                        pmSet = true;
                    }
                    else if (meridiem == (element.Kind == Std.PM ? "AM" : "am"))
                    {
                        amSet = true;
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case Std.ISO8601TZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonTZ or Std.ISO8601ColonSecondsTZ
                    or Std.NumTZ or Std.NumSecondsTz or Std.NumShortTZ or Std.NumColonTZ or Std.NumColonSecondsTZ:
                    if (element.Kind is Std.ISO8601TZ or Std.ISO8601SecondsTZ or Std.ISO8601ShortTZ or Std.ISO8601ColonTZ or Std.ISO8601ColonSecondsTZ &&
                        value.Length >= 1 && value[0] == 'Z')
                    {
                        value = value[1..];
                        utc = true;
                        break;
                    }

                    ok = ParseOffset(ref value, element.Kind, out zoneOffset, ref rangeError);
                    break;
                case Std.TZ:
                    if (value.StartsWith("UTC", StringComparison.Ordinal))
                    {
                        utc = true;
                        value = value[3..];
                        break;
                    }

                    var length = ZoneLength(value);
                    if (length <= 0)
                    {
                        ok = false;
                        break;
                    }

                    zoneName = value[..length];
                    value = value[length..];
                    break;
                case Std.FracSecond0:
                    var digits = 1 + element.Digits;
                    if (value.Length < digits)
                    {
                        ok = false;
                        break;
                    }

                    ok = ParseNanos(value, digits, out nanos, ref rangeError);
                    value = value[digits..];
                    break;
                case Std.FracSecond9:
                    if (value.Length < 2 || value[0] is not ('.' or ',') || !char.IsAsciiDigit(value[1]))
                    {
                        break;
                    }

                    var count = 0;
                    while (count + 1 < value.Length && char.IsAsciiDigit(value[count + 1]))
                    {
                        count++;
                    }

                    ok = ParseNanos(value, 1 + count, out nanos, ref rangeError);
                    value = value[(1 + count)..];
                    break;
            }

            if (rangeError.Length > 0)
            {
                error = ParseError(originalLayout, originalValue, elementText, value, ": " + rangeError + " out of range");
                return null;
            }

            if (!ok)
            {
                error = ParseError(originalLayout, originalValue, elementText, hold, string.Empty);
                return null;
            }
        }

        if (pmSet && hour < 12)
        {
            hour += 12;
        }
        else if (amSet && hour == 12)
        {
            hour = 0;
        }

        if (yearDay >= 0)
        {
            var (m, d, message) = FromYearDay(year, yearDay);
            if (message is not null)
            {
                error = ParseError(originalLayout, originalValue, string.Empty, value, message);
                return null;
            }

            if (month >= 0 && month != m)
            {
                error = ParseError(originalLayout, originalValue, string.Empty, value, ": day-of-year does not match month");
                return null;
            }

            if (day >= 0 && day != d)
            {
                error = ParseError(originalLayout, originalValue, string.Empty, value, ": day-of-year does not match day");
                return null;
            }

            month = m;
            day = d;
        }
        else
        {
            if (month < 0)
            {
                month = 1;
            }

            if (day < 0)
            {
                day = 1;
            }
        }

        if (day < 1 || day > GoCalendar.DaysIn(month, year))
        {
            error = ParseError(originalLayout, originalValue, string.Empty, value, ": day out of range");
            return null;
        }

        var wall = GoTime.FromCivil(year, month, day, hour, minute, second, nanos, null);
        if (!utc && zoneOffset != -1)
        {
            return new GoTime(wall.UnixSeconds - zoneOffset, wall.Nanosecond, zoneOffset, string.Empty);
        }

        if (!utc && zoneName.Length > 0)
        {
            // An abbreviation alone does not say which offset it means; Go keeps the wall clock as UTC.
            var offset = zoneName.Length > 3 && zoneName.StartsWith("GMT", StringComparison.Ordinal) && TryAtoi(zoneName[3..], out var hours) ? (int)hours * 3600 : 0;
            return wall with { Offset = offset, ZoneName = zoneName };
        }

        return wall;
    }

    private static (int Month, int Day, string? Error) FromYearDay(long year, int yearDay)
    {
        int[] daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
        int month = 0, day = 0;
        if (GoCalendar.IsLeap(year))
        {
            if (yearDay == 31 + 29)
            {
                month = 2;
                day = 29;
            }
            else if (yearDay > 31 + 29)
            {
                yearDay--;
            }
        }

        if (yearDay is < 1 or > 365)
        {
            return (0, 0, ": day-of-year out of range");
        }

        if (month == 0)
        {
            month = ((yearDay - 1) / 31) + 1;
            if (daysBefore[month] < yearDay)
            {
                month++;
            }

            day = yearDay - daysBefore[month - 1];
        }

        return (month, day, null);
    }

    private static bool ParseOffset(ref string value, Std kind, out int offset, ref string rangeError)
    {
        offset = -1;
        string sign, hours, minutes, seconds;
        if (kind is Std.ISO8601ColonTZ or Std.NumColonTZ)
        {
            if (value.Length < 6 || value[3] != ':')
            {
                return false;
            }

            (sign, hours, minutes, seconds, value) = (value[..1], value[1..3], value[4..6], "00", value[6..]);
        }
        else if (kind is Std.NumShortTZ or Std.ISO8601ShortTZ)
        {
            if (value.Length < 3)
            {
                return false;
            }

            (sign, hours, minutes, seconds, value) = (value[..1], value[1..3], "00", "00", value[3..]);
        }
        else if (kind is Std.ISO8601ColonSecondsTZ or Std.NumColonSecondsTZ)
        {
            if (value.Length < 9 || value[3] != ':' || value[6] != ':')
            {
                return false;
            }

            (sign, hours, minutes, seconds, value) = (value[..1], value[1..3], value[4..6], value[7..9], value[9..]);
        }
        else if (kind is Std.ISO8601SecondsTZ or Std.NumSecondsTz)
        {
            if (value.Length < 7)
            {
                return false;
            }

            (sign, hours, minutes, seconds, value) = (value[..1], value[1..3], value[3..5], value[5..7], value[7..]);
        }
        else
        {
            if (value.Length < 5)
            {
                return false;
            }

            (sign, hours, minutes, seconds, value) = (value[..1], value[1..3], value[3..5], "00", value[5..]);
        }

        var rest = hours;
        if (!GetNumber(ref rest, true, out var hr))
        {
            return false;
        }

        rest = minutes;
        if (!GetNumber(ref rest, true, out var mm))
        {
            return false;
        }

        rest = seconds;
        if (!GetNumber(ref rest, true, out var ss))
        {
            return false;
        }

        // Go compares with > (not >=): offsets of 24 hours or 60 minutes are written in the wild.
        if (hr > 24)
        {
            rangeError = "time zone offset hour";
        }

        if (mm > 60)
        {
            rangeError = "time zone offset minute";
        }

        if (ss > 60)
        {
            rangeError = "time zone offset second";
        }

        offset = (((hr * 60) + mm) * 60) + ss;
        switch (sign)
        {
            case "+":
                return true;
            case "-":
                offset = -offset;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Go's parseTimeZone: how many characters of the value look like a zone abbreviation.</summary>
    private static int ZoneLength(string value)
    {
        if (value.Length < 3)
        {
            return 0;
        }

        if (value.StartsWith("ChST", StringComparison.Ordinal) || value.StartsWith("MeST", StringComparison.Ordinal))
        {
            return 4;
        }

        if (value.StartsWith("GMT", StringComparison.Ordinal))
        {
            return value.Length == 3 ? 3 : 3 + SignedOffsetLength(value[3..]);
        }

        if (value[0] is '+' or '-')
        {
            return SignedOffsetLength(value);
        }

        var upper = 0;
        while (upper < 6 && upper < value.Length && value[upper] is >= 'A' and <= 'Z')
        {
            upper++;
        }

        return upper switch
        {
            5 when value[4] == 'T' => 5,
            4 when value[3] == 'T' || value.StartsWith("WITA", StringComparison.Ordinal) => 4,
            3 => 3,
            _ => 0,
        };
    }

    private static int SignedOffsetLength(string value)
    {
        if (value.Length == 0 || value[0] is not ('+' or '-'))
        {
            return 0;
        }

        var i = 1;
        long x = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            x = (x * 10) + (value[i] - '0');
            if (x > 1_000_000)
            {
                return 0;
            }

            i++;
        }

        return i == 1 || x > 12 ? 0 : i;
    }

    private static bool ParseNanos(string value, int length, out int nanos, ref string rangeError)
    {
        nanos = 0;
        if (value[0] is not ('.' or ','))
        {
            return false;
        }

        if (length > 10)
        {
            length = 10;
        }

        if (!TryAtoi(value[1..length], out var ns))
        {
            return false;
        }

        if (ns < 0)
        {
            rangeError = "fractional second";
            return true;
        }

        for (var i = 0; i < 10 - length; i++)
        {
            ns *= 10;
        }

        nanos = (int)ns;
        return true;
    }

    /// <summary>Go's getnum: one or two digits (exactly two when fixed).</summary>
    private static bool GetNumber(ref string s, bool fixedWidth, out int value)
    {
        value = 0;
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
        {
            return false;
        }

        if (s.Length < 2 || !char.IsAsciiDigit(s[1]))
        {
            if (fixedWidth)
            {
                return false;
            }

            value = s[0] - '0';
            s = s[1..];
            return true;
        }

        value = ((s[0] - '0') * 10) + (s[1] - '0');
        s = s[2..];
        return true;
    }

    private static bool GetNumber3(ref string s, bool fixedWidth, out int value)
    {
        value = 0;
        var i = 0;
        while (i < 3 && i < s.Length && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        if (i == 0 || (fixedWidth && i != 3))
        {
            return false;
        }

        s = s[i..];
        return true;
    }

    /// <summary>Go's time.atoi: optional sign, then only digits.</summary>
    private static bool TryAtoi(string s, out long value)
    {
        value = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0 || !s.All(char.IsAsciiDigit) || s.Length > 18)
        {
            return false;
        }

        value = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Case-insensitive (ASCII) prefix lookup; the index or -1.</summary>
    private static int Lookup(string[] names, ref string value)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (value.Length >= names[i].Length && string.Compare(value, 0, names[i], 0, names[i].Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                value = value[names[i].Length..];
                return i;
            }
        }

        return -1;
    }

    /// <summary>Go's skip: the literal prefix must match, runs of spaces being equivalent.</summary>
    private static bool Skip(ref string value, string prefix)
    {
        while (prefix.Length > 0)
        {
            if (prefix[0] == ' ')
            {
                if (value.Length > 0 && value[0] != ' ')
                {
                    return false;
                }

                prefix = prefix.TrimStart(' ');
                value = value.TrimStart(' ');
                continue;
            }

            if (value.Length == 0 || value[0] != prefix[0])
            {
                return false;
            }

            prefix = prefix[1..];
            value = value[1..];
        }

        return true;
    }

    private static string ParseError(string layout, string value, string layoutElement, string valueElement, string message) =>
        message.Length == 0
            ? $"parsing time {Quote(value)} as {Quote(layout)}: cannot parse {Quote(valueElement)} as {Quote(layoutElement)}"
            : $"parsing time {Quote(value)}{message}";

    /// <summary>The time package's quote: non-ASCII and control bytes as \x escapes.</summary>
    public static string Quote(string s)
    {
        var builder = new StringBuilder("\"");
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b >= 0x80 || b < 0x20)
            {
                builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                if (b is (byte)'"' or (byte)'\\')
                {
                    builder.Append('\\');
                }

                builder.Append((char)b);
            }
        }

        return builder.Append('"').ToString();
    }
}
