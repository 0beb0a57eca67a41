using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>What dateutil's <c>parser._parse</c> found (its <c>_result</c>); null is "not given".</summary>
internal sealed class DateutilFields
{
    public BigInteger? Year, Month, Day, Hour, Minute, Second, Microsecond, TzOffset;
    public int? Weekday, AmPm;
    public string? TzName;
    public bool CenturySpecified;

    /// <summary><c>len(res)</c>: how many fields are set; none means the string held no date.</summary>
    public int Count =>
        (Year is null ? 0 : 1) + (Month is null ? 0 : 1) + (Day is null ? 0 : 1) + (Weekday is null ? 0 : 1) +
        (Hour is null ? 0 : 1) + (Minute is null ? 0 : 1) + (Second is null ? 0 : 1) + (Microsecond is null ? 0 : 1) +
        (TzName is null ? 0 : 1) + (TzOffset is null ? 0 : 1) + (AmPm is null ? 0 : 1);
}

/// <summary>
/// dateutil's <c>parser._parse</c> with botocore's arguments (no dayfirst, yearfirst or fuzzy) and the default
/// <c>parserinfo</c>: walks the tokens, filling <see cref="DateutilFields"/>. Where dateutil raises ValueError,
/// IndexError or TypeError (all of which end in botocore's "invalid timestamp") this returns null; where it raises
/// decimal's InvalidOperation, which escapes everything, <see cref="Crashed"/> is set as well.
/// </summary>
internal sealed partial class DateutilParser
{
    private static readonly FrozenSet<string> Jump = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        " ", ".", ",", ";", "-", "/", "'", "at", "on", "and", "ad", "m", "t", "of", "st", "nd", "rd", "th");

    private static readonly FrozenDictionary<string, int> Weekdays = Names(
        ["mon", "monday"], ["tue", "tuesday"], ["wed", "wednesday"], ["thu", "thursday"], ["fri", "friday"],
        ["sat", "saturday"], ["sun", "sunday"]);

    private static readonly FrozenDictionary<string, int> Months = Names(
        ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"], ["jun", "june"],
        ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"],
        ["dec", "december"]);

    private static readonly FrozenDictionary<string, int> Hms = Names(["h", "hour", "hours"], ["m", "minute", "minutes"], ["s", "second", "seconds"]);

    private static readonly FrozenDictionary<string, int> AmPm = Names(["am", "a"], ["pm", "p"]);

    private readonly List<string> tokens;
    private readonly DateutilYmd ymd = new();
    private readonly DateutilFields res = new();
    private readonly int currentYear;

    private DateutilParser(List<string> tokens, int currentYear)
    {
        this.tokens = tokens;
        this.currentYear = currentYear;
    }

    /// <summary>Decimal's InvalidOperation escaped (a fractional hour or minute with a 29-digit integer part).</summary>
    public bool Crashed { get; private set; }

    /// <summary>Parses the string; <paramref name="currentYear"/> is the local year dateutil read when botocore
    /// imported it (two-digit years are put within 50 years of it).</summary>
    public static DateutilFields? Parse(string text, int currentYear, out bool crashed)
    {
        var parser = new DateutilParser(DateutilLexer.Split(text), currentYear);
        var fields = parser.Run() ? parser.res : null;
        crashed = parser.Crashed;
        return fields;
    }

    private static FrozenDictionary<string, int> Names(params string[][] groups) =>
        groups.SelectMany((names, index) => names.Select(name => (name, index)))
            .ToFrozenDictionary(p => p.name, p => p.index, StringComparer.OrdinalIgnoreCase);

    private static int? Lookup(FrozenDictionary<string, int> names, string token) =>
        names.TryGetValue(token, out var value) ? value : null;

    private string? At(int index) => index < tokens.Count ? tokens[index] : null;

    /// <summary>Python's <c>str.isdigit</c> on a token (non-empty, all digits, superscripts included).</summary>
    public static bool IsDigit(string text) => text.Length > 0 && !text.AsSpan().ContainsAnyExcept(DigitCharacters);

    private static readonly SearchValues<char> DigitCharacters = SearchValues.Create("0123456789" + DateutilLexer.NonDecimalDigit);

    /// <summary>Python's <c>int(str)</c> on a token: ASCII digits (the lexer made every decimal digit one), at
    /// most 4300 of them (Python 3.11's limit on converting text to int).</summary>
    public static bool TryInt(string text, out BigInteger value)
    {
        value = default;
        if (text.Length is 0 or > 4300 || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
            return false;
        value = text.Length <= 18 ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A word <c>float()</c> reads but that is not finite, which dateutil's <c>_to_decimal</c> refuses.</summary>
    private static bool IsInfinityOrNan(string token) =>
        token.Equals("inf", StringComparison.OrdinalIgnoreCase) || token.Equals("infinity", StringComparison.OrdinalIgnoreCase) ||
        token.Equals("nan", StringComparison.OrdinalIgnoreCase);

    private bool Run()
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (DateutilNumber.TryParse(token, out var number))
            {
                if (!NumericToken(ref i, number))
                    return false;
            }
            else if (IsInfinityOrNan(token))
                return false;
            else if (Lookup(Weekdays, token) is { } weekday)
                res.Weekday = weekday;
            else if (Lookup(Months, token) is { } month)
            {
                if (!MonthName(ref i, month))
                    return false;
            }
            else if (Lookup(AmPm, token) is { } ampm)
            {
                // _ampm_valid: an AM/PM needs an hour of a 12-hour clock before it.
                if (res.Hour is not { } hour || hour < 0 || hour > 12)
                    return false;
                res.Hour = AdjustAmPm(hour, ampm);
                res.AmPm = ampm;
            }
            else if (CouldBeTzName(res.TzOffset, token))
                TzName(i, token);
            else if (res.Hour is not null && token is "+" or "-")
            {
                if (!NumericTzOffset(ref i, token))
                    return false;
            }
            else if (!Jump.Contains(token))
                return false;
        }
        if (!ymd.Resolve(out var year, out var month2, out var day))
            return false;
        res.CenturySpecified = ymd.CenturySpecified;
        (res.Year, res.Month, res.Day) = (year, month2, day);
        Validate();
        return true;
    }

    /// <summary>A month name, and the day and year after it: <c>Jan-01[-99]</c>, <c>Jan/01</c>, <c>Jan of 01</c>.</summary>
    private bool MonthName(ref int i, int month)
    {
        if (!ymd.AppendMonth(month + 1))
            return false;
        if (i + 1 >= tokens.Count)
            return true;
        if (tokens[i + 1] is "-" or "/")
        {
            var separator = tokens[i + 1];
            if (At(i + 2) is not { } day || !ymd.Append(day))
                return false;
            if (i + 3 < tokens.Count && tokens[i + 3] == separator)
            {
                if (At(i + 4) is not { } year || !ymd.Append(year))
                    return false;
                i += 2;
            }
            i += 2;
        }
        else if (i + 4 < tokens.Count && tokens[i + 1] == " " && tokens[i + 3] == " " && tokens[i + 2].Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            // "Jan of 01": the number is a year, converted here (two digits near the current year).
            if (IsDigit(tokens[i + 4]))
            {
                if (!TryInt(tokens[i + 4], out var value) || !ymd.Append(ConvertYear(value, false).ToString(System.Globalization.CultureInfo.InvariantCulture), 'Y'))
                    return false;
            }
            i += 4;
        }
        return true;
    }

    /// <summary>A time zone name after the time; <c>GMT+3</c> means the zone whose time plus 3 is GMT, so the sign
    /// that follows is flipped for the offset code, and a UTC name before it is dropped.</summary>
    private void TzName(int i, string token)
    {
        res.TzName = token;
        // parserinfo.tzoffset looks the name up among the lower-cased UTC names, so only "z" is 0 here.
        res.TzOffset = token == "z" ? 0 : null;
        if (i + 1 < tokens.Count && tokens[i + 1] is "+" or "-")
        {
            tokens[i + 1] = tokens[i + 1] == "+" ? "-" : "+";
            res.TzOffset = null;
            if (IsUtcZone(token))
                res.TzName = null;
        }
    }

    /// <summary>A numeric offset after the time: <c>-0300</c>, <c>-03:00</c>, <c>-3</c>, maybe with <c>(BRST)</c>.</summary>
    private bool NumericTzOffset(ref int i, string sign)
    {
        if (At(i + 1) is not { } next)
            return false;
        BigInteger hours, minutes;
        if (next.Length == 4)
        {
            if (!TryInt(next[..2], out hours) || !TryInt(next[2..], out minutes))
                return false;
        }
        else if (i + 2 < tokens.Count && tokens[i + 2] == ":")
        {
            if (!TryInt(next, out hours) || At(i + 3) is not { } minuteToken || !TryInt(minuteToken, out minutes))
                return false;
            i += 2;
        }
        else if (next.Length <= 2)
        {
            if (!TryInt(next, out hours))
                return false;
            minutes = 0;
        }
        else
            return false;
        res.TzOffset = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60);
        if (i + 5 < tokens.Count && Jump.Contains(tokens[i + 2]) && tokens[i + 3] == "(" && tokens[i + 5] == ")" &&
            tokens[i + 4].Length >= 3 && CouldBeTzName(null, tokens[i + 4]))
        {
            res.TzName = tokens[i + 4];
            i += 4;
        }
        i += 1;
        return true;
    }

    /// <summary><c>_could_be_tzname</c>: after a time, before any zone, up to five capitals or a UTC name.</summary>
    private bool CouldBeTzName(BigInteger? tzOffset, string token) =>
        res.Hour is not null && res.TzName is null && tzOffset is null && token.Length <= 5 &&
        (!token.AsSpan().ContainsAnyExceptInRange('A', 'Z') || token is "UTC" or "GMT" or "Z" or "z");

    private static bool IsUtcZone(string name) =>
        name.Equals("utc", StringComparison.OrdinalIgnoreCase) || name.Equals("gmt", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("z", StringComparison.OrdinalIgnoreCase);

    private static BigInteger AdjustAmPm(BigInteger hour, int ampm) =>
        hour < 12 && ampm == 1 ? hour + 12 : hour == 12 && ampm == 0 ? 0 : hour;

    /// <summary><c>parserinfo.convertyear</c>: a year under 100 without its century goes within 50 years of now.</summary>
    private BigInteger ConvertYear(BigInteger year, bool centurySpecified)
    {
        if (year >= 100 || centurySpecified)
            return year;
        year += currentYear / 100 * 100;
        if (year >= currentYear + 50)
            year -= 100;
        else if (year < currentYear - 50)
            year += 100;
        return year;
    }

    /// <summary><c>parserinfo.validate</c>: the year's century, and Z/z and zero offsets as UTC.</summary>
    private void Validate()
    {
        if (res.Year is { } year)
            res.Year = ConvertYear(year, res.CenturySpecified);
        if ((res.TzOffset == 0 && string.IsNullOrEmpty(res.TzName)) || res.TzName is "Z" or "z")
        {
            res.TzName = "UTC";
            res.TzOffset = 0;
        }
        else if (res.TzOffset != 0 && !string.IsNullOrEmpty(res.TzName) && IsUtcZone(res.TzName))
            res.TzOffset = 0;
    }
}
