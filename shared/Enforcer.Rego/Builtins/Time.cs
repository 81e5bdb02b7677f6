using System.Collections.Concurrent;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// Time builtins over Unix nanoseconds with Go's layouts and IANA zones. time.now_ns reads the injected
/// TimeProvider once per query.
/// </summary>
public static partial class BuiltinRegistry
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> TimeZones = new(StringComparer.Ordinal);

    static partial void RegisterTime(BuiltinTableBuilder builtins)
    {
        builtins.Add("time.now_ns", 0, TimeNowNs, [], "number", nondeterministic: true);
        builtins.Add("time.parse_ns", 2, TimeParseNs, ["string", "string"], "number");
        builtins.Add("time.parse_rfc3339_ns", 1, TimeParseRfc3339Ns, ["string"], "number");
        builtins.Add("time.parse_duration_ns", 1, TimeParseDurationNs, ["string"], "number");
        builtins.Add("time.format", 1, TimeFormat, ["any"], "string");
        builtins.Add("time.date", 1, TimeDate, ["any"], "array");
        builtins.Add("time.clock", 1, TimeClock, ["any"], "array");
        builtins.Add("time.weekday", 1, TimeWeekday, ["any"], "string");
        builtins.Add("time.add_date", 4, TimeAddDate, ["any", "number", "number", "number"], "number");
        builtins.Add("time.diff", 2, TimeDiff, ["any", "any"], "array");
    }

    private static BuiltinResult TimeNowNs(BuiltinContext context, ReadOnlySpan<Value> args) =>
        context.GetOrAdd("time.now_ns", static c =>
        {
            var now = c.TimeProvider.GetUtcNow();
            return NumberValue.FromInt64((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100);
        });

    private static BuiltinResult TimeParseNs(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var layout, out var error) ||
            !OperandString(context, args[1], 2, out var value, out error))
        {
            return error;
        }

        return TimeParsed(context, GoTimeLayout.Named.GetValueOrDefault(layout, layout), value);
    }

    private static BuiltinResult TimeParseRfc3339Ns(BuiltinContext context, ReadOnlySpan<Value> args) =>
        OperandString(context, args[0], 1, out var value, out var error) ? TimeParsed(context, GoTimeLayout.Named["RFC3339"], value) : error;

    private static BuiltinResult TimeParsed(BuiltinContext context, string layout, string value)
    {
        var time = GoTimeLayout.Parse(layout, value, out var message);
        if (time is null)
        {
            return BuiltinResult.Fail(context, message!);
        }

        return TimeToNanos(context, time.Value);
    }

    private static BuiltinResult TimeToNanos(BuiltinContext context, GoTime time) =>
        time.UnixNanos is { } nanos ? NumberValue.FromInt64(nanos) : BuiltinResult.Fail(context, "time outside of valid range");

    private static BuiltinResult TimeParseDurationNs(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var text, out var error))
        {
            return error;
        }

        var nanos = GoDuration.Parse(text, out var message);
        return nanos is null ? BuiltinResult.Fail(context, message!) : NumberValue.FromInt64(nanos.Value);
    }

    /// <summary>OPA's tzTime: a number of nanoseconds, or [ns, zone] / [ns, zone, layout].</summary>
    private static bool TimeOperand(BuiltinContext context, Value value, out GoTime time, out string layout, out BuiltinResult error)
    {
        time = default;
        layout = string.Empty;
        error = default;
        Value nanosValue;
        TimeZoneInfo? zone = null;
        switch (value)
        {
            case NumberValue:
                nanosValue = value;
                break;
            case ArrayValue { Count: > 0 } array:
                nanosValue = array[0];
                if (nanosValue is not NumberValue)
                {
                    error = BuiltinResult.OperandTypeError(context, 1, nanosValue, "number");
                    return false;
                }

                if (array.Count > 1)
                {
                    if (!OperandString(context, array[1], 1, out var zoneName, out error))
                    {
                        return false;
                    }

                    if (!TimeZone(context, zoneName, out zone, out error))
                    {
                        return false;
                    }
                }

                if (array.Count > 2 && !OperandString(context, array[2], 1, out layout, out error))
                {
                    return false;
                }

                break;
            default:
                error = BuiltinResult.OperandTypeError(context, 1, value, "either number (ns) or [number (ns), string (tz)]");
                return false;
        }

        if (!((NumberValue)nanosValue).TryGetInt64(out var nanos))
        {
            error = BuiltinResult.Fail(context, "timestamp too big");
            return false;
        }

        time = GoTime.FromUnixNanos(nanos, zone);
        return true;
    }

    private static bool TimeZone(BuiltinContext context, string name, out TimeZoneInfo? zone, out BuiltinResult error)
    {
        error = default;
        zone = null;
        switch (name)
        {
            case "" or "UTC":
                return true;
            case "Local":
                zone = TimeZoneInfo.Local;
                return true;
        }

        if (TimeZones.TryGetValue(name, out var cached))
        {
            zone = cached;
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            TimeZones[name] = zone;
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            error = BuiltinResult.Fail(context, "unknown time zone " + name);
            return false;
        }
    }

    private static BuiltinResult TimeFormat(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!TimeOperand(context, args[0], out var time, out var layout, out var error))
        {
            return error;
        }

        layout = layout.Length == 0 ? GoTimeLayout.Named["RFC3339Nano"] : GoTimeLayout.Named.GetValueOrDefault(layout, layout);
        return new StringValue(GoTimeLayout.Format(time, layout));
    }

    private static BuiltinResult TimeDate(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!TimeOperand(context, args[0], out var time, out _, out var error))
        {
            return error;
        }

        var (year, month, day) = time.Date;
        return new ArrayValue([NumberValue.FromInt64(year), Value.From(month), Value.From(day)]);
    }

    private static BuiltinResult TimeClock(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!TimeOperand(context, args[0], out var time, out _, out var error))
        {
            return error;
        }

        var (hour, minute, second) = time.Clock;
        return new ArrayValue([Value.From(hour), Value.From(minute), Value.From(second)]);
    }

    private static BuiltinResult TimeWeekday(BuiltinContext context, ReadOnlySpan<Value> args) =>
        TimeOperand(context, args[0], out var time, out _, out var error) ? new StringValue(GoCalendar.LongDays[time.Weekday]) : error;

    private static BuiltinResult TimeAddDate(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!TimeOperand(context, args[0], out var time, out _, out var error) ||
            !OperandInt(context, args[1], 2, out var years, out error) ||
            !OperandInt(context, args[2], 3, out var months, out error) ||
            !OperandInt(context, args[3], 4, out var days, out error))
        {
            return error;
        }

        var zone = TimeZoneOf(args[0]);
        var (year, month, day) = time.Date;
        var (hour, minute, second) = time.Clock;
        var result = GoTime.FromCivil(year + years, month + months, day + days, hour, minute, second, time.Nanosecond, zone);
        return TimeToNanos(context, result);
    }

    /// <summary>The zone named in a [ns, zone] operand (already validated by TimeOperand).</summary>
    private static TimeZoneInfo? TimeZoneOf(Value operand) =>
        operand is ArrayValue { Count: > 1 } array && array[1] is StringValue name && name.Value is not ("" or "UTC")
            ? (name.Value == "Local" ? TimeZoneInfo.Local : TimeZones.GetValueOrDefault(name.Value))
            : null;

    private static BuiltinResult TimeDiff(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!TimeOperand(context, args[0], out var t1, out _, out var error) ||
            !TimeOperand(context, args[1], out var t2, out _, out error))
        {
            return error;
        }

        // Both are compared in the first operand's zone; the earlier one comes first.
        var zone = TimeZoneOf(args[0]);
        t2 = TimeIn(args[1], zone, context);
        if (((Int128)t1.UnixSeconds * GoTime.NanosPerSecond) + t1.Nanosecond > ((Int128)t2.UnixSeconds * GoTime.NanosPerSecond) + t2.Nanosecond)
        {
            (t1, t2) = (t2, t1);
        }

        var (y1, m1, d1) = t1.Date;
        var (y2, m2, d2) = t2.Date;
        var (h1, min1, s1) = t1.Clock;
        var (h2, min2, s2) = t2.Clock;
        var year = y2 - y1;
        var month = m2 - m1;
        var day = d2 - d1;
        var hour = h2 - h1;
        var minute = min2 - min1;
        var second = s2 - s1;
        if (second < 0)
        {
            second += 60;
            minute--;
        }

        if (minute < 0)
        {
            minute += 60;
            hour--;
        }

        if (hour < 0)
        {
            hour += 24;
            day--;
        }

        if (day < 0)
        {
            day += GoCalendar.DaysIn(m1, y1);
            month--;
        }

        if (month < 0)
        {
            month += 12;
            year--;
        }

        return new ArrayValue([NumberValue.FromInt64(year), Value.From(month), Value.From(day), Value.From(hour), Value.From(minute), Value.From(second)]);
    }

    private static GoTime TimeIn(Value operand, TimeZoneInfo? zone, BuiltinContext context)
    {
        TimeOperand(context, operand, out var time, out _, out _);
        var nanos = ((Int128)time.UnixSeconds * GoTime.NanosPerSecond) + time.Nanosecond;
        return GoTime.FromUnixNanos((long)nanos, zone);
    }
}
