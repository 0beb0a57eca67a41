using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>dateutil's <c>_parse_numeric_token</c> and the helpers it calls, in the order dateutil tries them.</summary>
internal sealed partial class DateutilParser
{
    private bool NumericToken(ref int idx, DateutilNumber value)
    {
        var s = tokens[idx];
        var length = s.Length;
        var count = tokens.Count;
        if (ymd.Count == 3 && length is 2 or 4 && res.Hour is null &&
            (idx + 1 >= count || (tokens[idx + 1] != ":" && Lookup(Hms, tokens[idx + 1]) is null)))
        {
            // 19990101T23[59]
            if (!TryInt(s[..2], out var hour))
                return false;
            res.Hour = hour;
            if (length == 4)
            {
                if (!TryInt(s[2..], out var minute))
                    return false;
                res.Minute = minute;
            }
        }
        else if (length == 6 || (length > 6 && s.IndexOf('.') == 6))
        {
            // YYMMDD or HHMMSS[.ss]
            if (ymd.Count == 0 && !s.Contains('.'))
                return ymd.Append(s[..2]) && ymd.Append(s[2..4]) && ymd.Append(s[4..]);
            if (!TryInt(s[..2], out var hour) || !TryInt(s[2..4], out var minute))
                return false;
            (res.Hour, res.Minute) = (hour, minute);
            if (!ParseSeconds(s[4..], out var second, out var microsecond))
                return false;
            (res.Second, res.Microsecond) = (second, microsecond);
        }
        else if (length is 8 or 12 or 14)
        {
            // YYYYMMDD[hhmm[ss]]
            if (!ymd.Append(s[..4], 'Y') || !ymd.Append(s[4..6]) || !ymd.Append(s[6..8]))
                return false;
            if (length > 8)
            {
                if (!TryInt(s[8..10], out var hour) || !TryInt(s[10..12], out var minute))
                    return false;
                (res.Hour, res.Minute) = (hour, minute);
                if (length > 12)
                {
                    if (!TryInt(s[12..], out var second))
                        return false;
                    res.Second = second;
                }
            }
        }
        else if (FindHmsIndex(idx) is { } hmsIndex)
        {
            // HH[ ]h, MM[ ]m, SS[.ss][ ]s: a following label, or after a label, the next unit.
            int hms;
            if (hmsIndex > idx)
            {
                hms = Lookup(Hms, tokens[hmsIndex])!.Value;
                idx = hmsIndex;
            }
            else
                hms = Lookup(Hms, tokens[hmsIndex])!.Value + 1;
            return AssignHms(s, value, hms);
        }
        else if (idx + 2 < count && tokens[idx + 1] == ":")
        {
            // HH:MM[:SS[.ss]]
            res.Hour = value.Integer;
            if (!DateutilNumber.TryParse(tokens[idx + 2], out var minutes) || !MinutesAndSeconds(minutes))
                return false;
            if (idx + 4 < count && tokens[idx + 3] == ":")
            {
                if (!ParseSeconds(tokens[idx + 4], out var second, out var microsecond))
                    return false;
                (res.Second, res.Microsecond) = (second, microsecond);
                idx += 2;
            }
            idx += 2;
        }
        else if (idx + 1 < count && tokens[idx + 1] is "-" or "/" or ".")
        {
            var separator = tokens[idx + 1];
            if (!ymd.Append(s))
                return false;
            if (idx + 2 < count && !Jump.Contains(tokens[idx + 2]))
            {
                if (IsDigit(tokens[idx + 2]))
                {
                    // 01-01[-01]
                    if (!ymd.Append(tokens[idx + 2]))
                        return false;
                }
                else if (Lookup(Months, tokens[idx + 2]) is { } month)
                {
                    // 01-Jan[-01]
                    if (!ymd.AppendMonth(month + 1))
                        return false;
                }
                else
                    return false;
                if (idx + 3 < count && tokens[idx + 3] == separator)
                {
                    if (At(idx + 4) is not { } third)
                        return false;
                    if (Lookup(Months, third) is { } thirdMonth ? !ymd.AppendMonth(thirdMonth + 1) : !ymd.Append(third))
                        return false;
                    idx += 2;
                }
                idx += 1;
            }
            idx += 1;
        }
        else if (idx + 1 >= count || Jump.Contains(tokens[idx + 1]))
        {
            if (idx + 2 < count && Lookup(AmPm, tokens[idx + 2]) is { } ampm)
            {
                // 12 am: any hour, unlike "12am" and "12 ... am" (dateutil does not check this one).
                res.Hour = AdjustAmPm(value.Integer, ampm);
                idx += 1;
            }
            else if (!ymd.Append(value))
                return false;
            idx += 1;
        }
        else if (Lookup(AmPm, tokens[idx + 1]) is { } ampm && !value.LessThan(0) && value.LessThan(24))
        {
            // 12am
            res.Hour = AdjustAmPm(value.Integer, ampm);
            idx += 1;
        }
        else if (ymd.CouldBeDay(value))
            return ymd.Append(value);
        else
            return false;
        return true;
    }

    /// <summary><c>_find_hms_idx</c>: where the h/m/s label of this number is, if any.</summary>
    private int? FindHmsIndex(int idx)
    {
        var count = tokens.Count;
        if (idx + 1 < count && Lookup(Hms, tokens[idx + 1]) is not null)
            return idx + 1;
        if (idx + 2 < count && tokens[idx + 1] == " " && Lookup(Hms, tokens[idx + 2]) is not null)
            return idx + 2;
        if (idx > 0 && Lookup(Hms, tokens[idx - 1]) is not null)
            return idx - 1;
        if (idx > 1 && idx == count - 1 && tokens[idx - 1] == " " && Lookup(Hms, tokens[idx - 2]) is not null)
            return idx - 2;
        return null;
    }

    /// <summary><c>_assign_hms</c>: a number of hours (its fraction gives minutes), minutes (fraction: seconds) or
    /// seconds (fraction: microseconds).</summary>
    private bool AssignHms(string text, DateutilNumber value, int hms)
    {
        if (hms == 0)
        {
            res.Hour = value.Integer;
            if (!value.TrySixtiethsOfFraction(out var minutes))
                return Crash();
            if (minutes is not null)
                res.Minute = minutes;
            return true;
        }
        if (hms == 1)
            return MinutesAndSeconds(value);
        // A number after a seconds label would be the unit after seconds: dateutil assigns it nothing.
        if (hms != 2)
            return true;
        if (!ParseSeconds(text, out var second, out var microsecond))
            return false;
        (res.Second, res.Microsecond) = (second, microsecond);
        return true;
    }

    /// <summary><c>_parse_min_sec</c>: whole minutes, and seconds from the fraction (None without one).</summary>
    private bool MinutesAndSeconds(DateutilNumber value)
    {
        res.Minute = value.Integer;
        if (!value.TrySixtiethsOfFraction(out var seconds))
            return Crash();
        res.Second = seconds;
        return true;
    }

    /// <summary><c>_parsems</c>: "I[.F]" as seconds and microseconds (the fraction cut or padded to six digits).</summary>
    private static bool ParseSeconds(string text, out BigInteger second, out BigInteger microsecond)
    {
        microsecond = 0;
        var point = text.IndexOf('.');
        if (point < 0)
            return TryInt(text, out second);
        second = default;
        var fraction = text[(point + 1)..];
        // i, f = value.split("."): more than one point does not unpack.
        return !fraction.Contains('.') && TryInt(text[..point], out second) &&
            TryInt(fraction.PadRight(6, '0')[..6], out microsecond);
    }

    private bool Crash()
    {
        Crashed = true;
        return false;
    }
}
