using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// dateutil's <c>parser.parse</c> after <c>_parse</c>: <c>_build_naive</c> fills what the string left out from
/// today's date at midnight (Python's <c>datetime.replace</c> then checks every field), a weekday moves the date
/// forward to it, and <c>_build_tzaware</c> attaches the zone, with botocore's <c>tzinfos={'GMT': tzutc()}</c>.
/// Then botocore's <c>parse_to_aware_datetime</c> converts an aware result to UTC.
/// </summary>
internal static class DateutilBuilder
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>The names <c>time.tzname</c> holds on this machine, whose local zone is UTC (no daylight saving):
    /// dateutil gives such a name the local zone, an offset of zero.</summary>
    private static readonly string[] LocalZoneNames = ["UTC"];

    /// <summary>The UTC date and time dateutil and botocore make of the fields, or why they fail.</summary>
    public static TimestampVerdict Build(DateutilFields f, DateOnly today)
    {
        if (f.Count == 0)
            return PythonTimestamps.Unreadable;
        var day = f.Day;
        if (day is null)
        {
            // A day taken from today must exist in the month (calendar.monthrange refuses months outside 1..12).
            var month = f.Month ?? today.Month;
            if (month < 1 || month > 12)
                return PythonTimestamps.NotReal($"bad month number {month}; must be 1-12");
            var last = DaysInMonth(f.Year ?? today.Year, (int)month);
            if (today.Day > last)
                day = last;
        }
        BigInteger?[] given = [f.Year, f.Month, day, f.Hour, f.Minute, f.Second, f.Microsecond];
        // datetime.replace reads every field as a C int before it checks any range.
        if (given.Any(v => v is { } n && (n > int.MaxValue || n < int.MinValue)))
            return PythonTimestamps.TooLarge;
        var year = (int)(f.Year ?? today.Year);
        var monthValue = (int)(f.Month ?? today.Month);
        var dayValue = (int)(day ?? today.Day);
        var (hour, minute, second, microsecond) = ((int)(f.Hour ?? 0), (int)(f.Minute ?? 0), (int)(f.Second ?? 0), (int)(f.Microsecond ?? 0));
        var problem = year is < 1 or > 9999 ? $"year {year} is out of range"
            : monthValue is < 1 or > 12 ? "month must be in 1..12"
            : dayValue < 1 || dayValue > DateTime.DaysInMonth(year, monthValue) ? "day is out of range for month"
            : hour is < 0 or > 23 ? "hour must be in 0..23"
            : minute is < 0 or > 59 ? "minute must be in 0..59"
            : second is < 0 or > 59 ? "second must be in 0..59"
            : microsecond is < 0 or > 999999 ? "microsecond must be in 0..999999"
            : null;
        if (problem is not null)
            return PythonTimestamps.NotReal(problem);
        var ticks = new DateTime(year, monthValue, dayValue, hour, minute, second).Ticks + microsecond * 10L;
        if (f.Weekday is { } weekday && f.Day is null)
        {
            // relativedelta(weekday=...): forward to that weekday (Python counts Monday as 0).
            var current = ((int)new DateTime(ticks).DayOfWeek + 6) % 7;
            var jump = (7 - current + weekday) % 7;
            if (ticks + jump * TimeSpan.TicksPerDay > DateTime.MaxValue.Ticks)
                return PythonTimestamps.TooLarge;
            ticks += jump * TimeSpan.TicksPerDay;
        }
        return ToUtc(f, ticks);
    }

    /// <summary><c>_build_tzaware</c>, then botocore's <c>astimezone(tzutc())</c> for an aware result.</summary>
    private static TimestampVerdict ToUtc(DateutilFields f, long ticks)
    {
        var offset = f.TzName == "GMT" || (!string.IsNullOrEmpty(f.TzName) && LocalZoneNames.Contains(f.TzName)) ? 0 : f.TzOffset ?? 0;
        // No zone, a zero offset, or a name dateutil does not know (it warns and returns the time without a zone):
        // botocore takes the time as UTC.
        if (offset.IsZero)
            return PythonTimestamps.Accepted(new DateTime(ticks, DateTimeKind.Utc));
        // tzoffset holds a timedelta, whose days (floor of seconds / 86400) are within ±999999999.
        if (offset < -86400L * 999_999_999L || offset >= 86400L * 1_000_000_000L)
            return PythonTimestamps.TooLarge;
        // datetime refuses a utcoffset() of 24 hours or more (ValueError, which the validator reports).
        if (offset <= -86400 || offset >= 86400)
            return PythonTimestamps.NotReal("a UTC offset must be less than 24 hours");
        var utc = ticks - (long)offset * TicksPerSecond;
        return utc < 0 || utc > DateTime.MaxValue.Ticks ? PythonTimestamps.TooLarge : PythonTimestamps.Accepted(new DateTime(utc, DateTimeKind.Utc));
    }

    /// <summary>calendar.monthrange's day count, for any year Python's calendar takes (leap years proleptic).</summary>
    public static int DaysInMonth(BigInteger year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
            : month is 4 or 6 or 9 or 11 ? 30 : 31;
}
