using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// dateutil's <c>_ymd</c>: the year, month and day candidates in the order they appear, with which of them a month
/// name, a four-digit year or the like has pinned down, and <c>resolve_ymd</c>, which decides the rest (dayfirst and
/// yearfirst are off, as botocore leaves them). A false return is a Python ValueError.
/// </summary>
internal sealed class DateutilYmd
{
    private readonly List<BigInteger> values = new(3);
    private int? dayIndex, monthIndex, yearIndex;

    public int Count => values.Count;

    public bool CenturySpecified { get; private set; }

    private bool HasYear => yearIndex is not null;

    private bool HasMonth => monthIndex is not null;

    private bool HasDay => dayIndex is not null;

    /// <summary><c>append(str)</c>: digits longer than two are a year; <c>int()</c> must take the text.</summary>
    public bool Append(string text, char? label = null)
    {
        if (DateutilParser.IsDigit(text) && text.Length > 2)
        {
            CenturySpecified = true;
            label = 'Y';
        }
        return DateutilParser.TryInt(text, out var value) && Add(value, label);
    }

    /// <summary><c>append(Decimal)</c>: a value over 100 is a year.</summary>
    public bool Append(DateutilNumber number)
    {
        char? label = null;
        if (number.GreaterThan(100))
        {
            CenturySpecified = true;
            label = 'Y';
        }
        return Add(number.Integer, label);
    }

    /// <summary><c>append(int, 'M')</c> for a month name.</summary>
    public bool AppendMonth(int month) => Add(month, 'M');

    private bool Add(BigInteger value, char? label)
    {
        values.Add(value);
        switch (label)
        {
            case 'M' when HasMonth:
            case 'D' when HasDay:
            case 'Y' when HasYear:
                return false;
            case 'M':
                monthIndex = values.Count - 1;
                break;
            case 'D':
                dayIndex = values.Count - 1;
                break;
            case 'Y':
                yearIndex = values.Count - 1;
                break;
        }
        return true;
    }

    /// <summary><c>could_be_day</c>: whether a number can still be the day.</summary>
    public bool CouldBeDay(DateutilNumber value)
    {
        if (HasDay)
            return false;
        if (!HasMonth)
            return !value.LessThan(1) && value.AtMost(31);
        var month = (int)values[monthIndex!.Value];
        // Without a year dateutil is permissive and takes a leap year.
        var year = HasYear ? values[yearIndex!.Value] : 2000;
        return !value.LessThan(1) && value.AtMost(DateutilBuilder.DaysInMonth(year, month));
    }

    /// <summary><c>resolve_ymd(yearfirst=False, dayfirst=False)</c>; false for more than three values.</summary>
    public bool Resolve(out BigInteger? year, out BigInteger? month, out BigInteger? day)
    {
        year = month = day = null;
        var count = values.Count;
        var pinned = (yearIndex is null ? 0 : 1) + (monthIndex is null ? 0 : 1) + (dayIndex is null ? 0 : 1);
        if ((count == pinned && count > 0) || (count == 3 && pinned == 2))
        {
            // _resolve_from_stridxs: with two of three pinned, the third is the remaining position.
            int? y = yearIndex, m = monthIndex, d = dayIndex;
            if (count == 3 && pinned == 2)
            {
                var missing = 3 - (y ?? 0) - (m ?? 0) - (d ?? 0);
                if (y is null)
                    y = missing;
                else if (m is null)
                    m = missing;
                else
                    d = missing;
            }
            year = y is { } yi ? values[yi] : null;
            month = m is { } mi ? values[mi] : null;
            day = d is { } di ? values[di] : null;
            return true;
        }
        if (count > 3)
            return false;
        if (count == 1 || (monthIndex is not null && count == 2))
        {
            BigInteger other;
            if (monthIndex is { } index)
            {
                month = values[index];
                // self[mstridx - 1]: with mstridx 0 Python's index -1 is the last value.
                other = values[index == 0 ? count - 1 : index - 1];
            }
            else
                other = values[0];
            if (count > 1 || monthIndex is null)
            {
                if (other > 31)
                    year = other;
                else
                    day = other;
            }
        }
        else if (count == 2)
        {
            if (values[0] > 31)
                (year, month) = (values[0], values[1]);
            else if (values[1] > 31)
                (month, year) = (values[0], values[1]);
            else
                (month, day) = (values[0], values[1]);
        }
        else if (count == 3)
        {
            var (a, b, c) = (values[0], values[1], values[2]);
            switch (monthIndex)
            {
                case 0:
                    if (b > 31)
                        (month, year, day) = (a, b, c);
                    else
                        (month, day, year) = (a, b, c);
                    break;
                case 1:
                    if (a > 31)
                        (year, month, day) = (a, b, c);
                    else
                        (day, month, year) = (a, b, c);
                    break;
                case 2:
                    if (b > 31)
                        (day, year, month) = (a, b, c);
                    else
                        (year, day, month) = (a, b, c);
                    break;
                default:
                    if (a > 31 || yearIndex == 0)
                        (year, month, day) = (a, b, c);
                    else if (a > 12)
                        (day, month, year) = (a, b, c);
                    else
                        (month, day, year) = (a, b, c);
                    break;
            }
        }
        return true;
    }
}
