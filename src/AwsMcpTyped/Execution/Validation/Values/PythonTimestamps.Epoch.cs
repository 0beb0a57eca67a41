using System.Globalization;
using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

internal static partial class PythonTimestamps
{
    private const long UnixEpochSeconds = 62135596800; // seconds from 0001-01-01 to 1970-01-01

    /// <summary>
    /// <c>datetime.fromtimestamp(seconds, tzlocal())</c> on a 64-bit Linux whose local time is UTC: the value rounded
    /// to microseconds (half to even, as CPython's <c>_PyTime_ObjectToTimeval</c>), then <c>gmtime</c>. Null for
    /// the ValueErrors (NaN, a year outside 1..9999), after which botocore tries dateutil on a string;
    /// <see cref="TooLarge"/> for the OverflowError (beyond a 64-bit time_t) and the OSError (glibc's gmtime cannot
    /// hold the year in an int), after which botocore's fallback through timedelta overflows as well.
    /// </summary>
    private static TimestampVerdict? FromTimestamp(double seconds)
    {
        if (double.IsNaN(seconds))
            return null;
        if (double.IsInfinity(seconds))
            return TooLarge;
        var whole = Math.Truncate(seconds);
        var micro = Math.Round((seconds - whole) * 1e6, MidpointRounding.ToEven);
        if (micro >= 1e6)
        {
            micro -= 1e6;
            whole += 1.0;
        }
        else if (micro < 0)
        {
            micro += 1e6;
            whole -= 1.0;
        }
        if (!(whole >= -9223372036854775808.0 && whole < 9223372036854775808.0))
            return TooLarge;
        return FromTimestamp((long)whole, (long)micro);
    }

    private static TimestampVerdict? FromTimestamp(long seconds, long microseconds)
    {
        var year = GregorianYear(Math.DivRem(seconds, 86400, out var rest) - (rest < 0 ? 1 : 0));
        if (year - 1900 > int.MaxValue || year - 1900 < int.MinValue)
            return TooLarge;
        if (year is < 1 or > 9999)
            return null;
        return Accepted(new DateTime((seconds + UnixEpochSeconds) * TimeSpan.TicksPerSecond + microseconds * 10, DateTimeKind.Utc));
    }

    /// <summary>The proleptic Gregorian year of a day counted from 1970-01-01 (Hinnant's civil_from_days).</summary>
    private static long GregorianYear(long days)
    {
        var z = days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var dayOfEra = z - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthIndex = (5 * dayOfYear + 2) / 153; // March is 0
        return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0);
    }

    /// <summary>A JSON number: Python's json makes an int of one without fraction or exponent (refusing more than 4300
    /// digits), else a float; botocore then calls <c>fromtimestamp</c> on it, and its ValueError is a rejection.</summary>
    private static TimestampVerdict CheckJsonNumber(string literal)
    {
        if (literal.AsSpan().IndexOfAny(".eE") >= 0)
            return FromTimestamp(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture)) ?? OutOfRange;
        if (literal.TrimStart('-').Length > 4300)
            return new(TimestampOutcome.Rejected, null, "a number too long for Python's JSON reader (over 4300 digits)");
        var value = BigInteger.Parse(literal, CultureInfo.InvariantCulture);
        if (value < long.MinValue || value > long.MaxValue)
            return TooLarge;
        return FromTimestamp((long)value, 0) ?? OutOfRange;
    }

    private static readonly TimestampVerdict OutOfRange =
        new(TimestampOutcome.Rejected, null, "epoch seconds outside years 1 to 9999");
}

/// <summary>
/// Python's <c>float(str)</c>: surrounding white space, a sign, digits with single underscores between them, a point,
/// an exponent, or inf/infinity/nan in any case; any decimal digit (Arabic-Indic and the like) counts. The value is
/// the correctly rounded double (both runtimes round correctly), infinite when the exponent overflows.
/// </summary>
internal static class PythonFloat
{
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length;)
        {
            // CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII stays as it is (so only ASCII white space
            // is stripped below: U+001C..U+001F are not), other white space becomes a space, other decimal digits
            // their ASCII digit, and anything else fails.
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i];
            i += codePoint > 0xFFFF ? 2 : 1;
            if (codePoint < 127)
                buffer[length++] = (char)codePoint;
            else if (PythonUnicode.IsSpace(codePoint))
                buffer[length++] = ' ';
            else if (PythonUnicode.DecimalValue(codePoint) is var digit and >= 0)
                buffer[length++] = (char)('0' + digit);
            else
                return false;
        }
        var s = buffer[..length].Trim(" \t\n\v\f\r");
        if (s.Contains('_'))
        {
            // Underscores only between two digits.
            Span<char> kept = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
            var count = 0;
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] != '_')
                    kept[count++] = s[i];
                else if (i == 0 || i == s.Length - 1 || !char.IsAsciiDigit(s[i - 1]) || !char.IsAsciiDigit(s[i + 1]))
                    return false;
            }
            s = kept[..count];
        }
        var unsigned = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        // .NET spells these differently ("Infinity", "NaN" only), so they are read here.
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        return Decimal(unsigned) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>What CPython's strtod consumes whole, after the sign: digits with an optional point, an optional
    /// exponent.</summary>
    private static bool Decimal(ReadOnlySpan<char> s)
    {
        var i = 0;
        var digits = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            digits++;
        if (i < s.Length && s[i] == '.')
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++)
                digits++;
        if (digits == 0)
            return false;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
                i++;
            var exponentStart = i;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
            }
            if (i == exponentStart)
                return false;
        }
        return i == s.Length;
    }
}
