using System.Globalization;
using System.Text;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>Timestamp values for the differential test: a fixed list of tricky ones, well-formed values in many
/// formats, mutations of them, epoch numbers, and random sequences of the tokens dateutil knows.</summary>
internal static class TimestampCases
{
    public static readonly string[] Tricky =
    [
        "", " ", "T", "Z", "z", "-", "now", "today", "yesterday", "tomorrow", "inf", "-inf", "Infinity", "nan", "NaN", "+nan",
        "1e3", "1E3", "1e", "1_000", "1__000", "_1", "1_", "1_000.5", "1_000e1_0", "0x10", "١٢٣٤٥", "٢٠٢٤-٠١-٠٢", "2024-01-0²", "²",
        "𝟐𝟎𝟐𝟒-𝟎𝟏-𝟎𝟐", "\u00a01700000000\u00a0", "\u001c1700000000", "1700000000\u001f", "\u001c5\u001c", "2024-01-01\u001f", "\t1700000000\n", "1700000000\0", "\02024-01-01",
        "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123456Z", "2024-01-01T00:00:00.1234567Z", "2024-01-01T00:00:00,5Z",
        "2024-01-01 10:00 +0200", "2024-01-01 10:00 -02:30", "2024-01-01 10:00 +2400", "2024-01-01 10:00 +2359", "10:00 -2359",
        "2024-01-01 10:00 +99:99", "10:00 +100000000000:00", "10:00 -999999999999:00", "10:00 +23:59:59", "10:00 UTC+3", "10:00 GMT-3",
        "10:00 BRST+3", "10:00 -0300 (BRST)", "10:00 +03 (ABC)", "10:00 UTC +99:00", "10:00 GMT +99:00", "10:00 Z +99:00", "10:00 z",
        "0001-01-01T00:00:00+01:00", "0001-01-01T01:00:00+01:00", "9999-12-31T23:00:00-05:00", "9999-12-31T18:59:59-05:00",
        "0000-01-01", "0001-01-01", "9999-12-31T23:59:59.999999", "10000-01-01", "2024-13-01", "2024-00-10", "2024-02-30",
        "2023-02-29", "2024-02-29", "Feb 29", "Feb 29 2023", "Feb 29 24", "Feb 30", "31", "30", "29", "00", "0", "32", "Feb", "February",
        "Dec", "Mon", "Friday", "Fri 9999-12", "Friday December 9999", "Sun Dec 31 9999", "Sat, 31 Dec 9999 23:59:59 GMT",
        "Thu, 01 Jan 1970 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 +0000", "Mon Jan  1 00:00:00 UTC 2024", "5pm", "5 pm", "13pm",
        "13 pm", "25 am", "0am", "12am", "12pm", "12 am", "am", "pm", "5 p.m.", "5 a", "5p", "10:00 am pm", "1st", "Jan 1st", "2nd of May",
        "May 3rd 2024", "the 4th", "Jan of 24", "Jan of 2024", "Jan of 1²", "Jan-01-99", "Jan/01/2024", "Jan-Feb", "01-Jan-2024",
        "2024-Jan-01", "2024/01/02", "01/02/2024", "13/01/2024", "01/13/2024", "99-01-01", "01-99-Jan", "99-01-Jan", "Apr-2003-25",
        "19990101T23", "19990101T2359", "19990101T235959", "19990101T235959.5", "990101", "235959.123", "20240102", "202401021030",
        "20240102103045", "2024010210304", "12h", "12 h", "12h30", "12h30m", "12h30m15s", "12h30m15s9", "1.5h", "1.5m", "30.25s",
        "0.5h", "12.5:30", "12:30.5", "12:30:15.5", "12:30:15.1234567", "12:30:15.", "12:30:15.1.2", "12:", ":30", "12:60", "12:59:60",
        "24:00", "23:59", "111111111111111111111111111111.5h", "1111111111111111111111111111.5h", "99999999999999999999999999999h",
        "1.99999999999999999999999999999h", "5:1.99999999999999999999999999999", "5:59.99999999999999999999999999999",
        "99999999999999999999 Jan 1", "2147483647 Jan 1", "2147483648 Jan 1", "2147483648h", "2147483647h", "9999 Jan 1", "10000 Jan 1",
        "-1", "-1.5", "0", "0.0000005", "0.0000015", "-0.0000005", "1700000000", "1700000000.5", "-62135596800", "-62135596801",
        "-62135596800.0000005", "253402300799", "253402300799.999999", "253402300799.9999995", "253402300800", "999912312359",
        "99991231235959", "1e16", "1e17", "-1e17", "67768036191676799", "67768036191676800", "-67768036191676800", "9.3e18", "1e308",
        "1e309", "1e-400", "-67768040609740800", "-67768040609740801", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "9.2233720368547758e18", "-62135596800.0000004", "-62135596799.9999995", "253402300799.9999994",
        "0.0000025", "1.0000005", "-1e-7", "1600-02-29", "1900-02-29", "2000-02-29", "2100-02-29", "2200-02-29", "0400-02-29",
        "0000-02-29", "Feb 29 2200", "Feb 29 00", "29 Feb 2100", "2200-02", "2100-02", "02/29/2200", "10:00:00,5", "5,Jan", "2024,01,02",
        "1,2,3", "12,34", "123,4", "12,3,4", "Jan,5", "10:00,5", "2024-01-01T10:00:00,123456789Z",
        // Python's int() takes at most 4300 digits of text, Decimal any; decimal's % refuses integer parts over 28 digits.
        new string('1', 4300) + " Jan 1", new string('1', 4301) + " Jan 1", "Jan of " + new string('1', 4301), "Jan-" + new string('1', 4301),
        new string('0', 4301) + "5 Jan", new string('1', 5000), new string('1', 4301) + ".5h", "10:" + new string('1', 4301),
        "5:" + new string('0', 40) + "1.5", "0." + new string('9', 50) + "h", "5:0." + new string('9', 50), new string('1', 29) + "m",
        new string('1', 28) + "m", "10:" + new string('9', 28) + ".5", "10:" + new string('1', 29) + ".5", "+1700000000", "1700000000.", ".5e3", "1.5e-3", "1e+3", "1e+", "in f", "infin", "EST", "10:00 EST", "10:00 PST", "10:00 ABCDEF", "10:00 ABCDE", "10:00 UTC", "10:00 GMT", "10:00 Utc",
        "10:00 gmt", "Jan 5 2024", "5 Jan 2024", "2024 Jan 5", "Jan 2024", "2024 Jan", "January 5, 2024 at 5pm", "5 of Jan",
        "at 5", "on Monday", "Monday at 10", "t", "m", "st", "T10:00", "2024-01-01T", "2024-01-01t10:00", "2024-01-01 T 10:00",
        "1.2.3", "1..2", "Sep.20.2009", "4:30:21.447", "a.m.", "Jan.", ".5", "5.", "2024.01.02", "2024.01.02.03", "12,5", "1,5",
        "12,5,6", "12,5.3", "1.a", "a1", "Jan5", "5Jan", "5-Jan", "5/Jan/2024", "5.Jan.2024", "5 Jan 2024 10:00:00.123 +01:00",
        "2024-W01", "2024-001", "P1D", "+05:00", "10:00+05:00", "10:00 +05", "10:00 +5", "10:00 +123", "10:00 +12345", "10:00 -",
        "10:00 +", "10:00 + 05", "1 2 3", "1 2 3 4", "2024 2024", "Jan Jan", "Jan Feb", "2024 01 02 03", "Mon Tue", "KELVIN \u212a",
        "Jan \u212a", "10:00 ÉST", "10:00 ＵＴＣ", "２０２４-０１-０２", "2024‐01‐02", "2024–01–02", "2024-01-02\u200b", "Jan\u00a05",
    ];

    private static readonly string[] Words =
    [
        "Jan", "jan", "JANUARY", "Feb", "Sept", "sep", "May", "Dec", "Mon", "monday", "Tue", "Sun", "at", "on", "and", "ad", "of",
        "st", "nd", "rd", "th", "t", "T", "m", "h", "hour", "hours", "minute", "minutes", "s", "second", "seconds", "am", "pm", "a",
        "p", "AM", "PM", "UTC", "GMT", "Z", "z", "EST", "PST", "CEST", "BRST", "ABCDEF", "utc", "x", "foo", "now", "yesterday",
        "é", "K", "inf", "nan",
    ];

    private static readonly string[] Separators = [" ", "  ", "-", "/", ".", ",", ":", "+", "-", "(", ")", "'", ";", "T", "_", "\t", "\u00a0", ""];

    /// <summary>Values given in JSON (numbers are epoch seconds with no date parsing after them; true and false are
    /// Python's 1 and 0).</summary>
    public static readonly string[] TrickyJson =
    [
        "0", "1", "-1", "true", "false", "null", "[]", "{}", "\"2024-01-01\"", "\"\"", "\"inf\"", "\"999912312359\"", "1.5", "1E2",
        "1e400", "-1e400", "1e17", "1e16", "253402300799", "253402300800", "-62135596800", "-62135596801", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "67768036191676799", "67768036191676800", "-0", "-0.0", "0.0000005",
        "253402300799.9999995", "-62135596800.0000005", new string('1', 4300), new string('1', 4301),
    ];

    /// <summary>JSON literals: the tricky ones, then random numbers around the limits.</summary>
    public static List<string> GenerateJson(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<string>(TrickyJson);
        while (cases.Count < TrickyJson.Length + count)
            cases.Add(random.Next(4) switch
            {
                0 => random.NextInt64(-70_000_000_000, 260_000_000_000).ToString(CultureInfo.InvariantCulture),
                1 => ((random.NextDouble() - 0.3) * 4e11).ToString("R", CultureInfo.InvariantCulture),
                2 => random.Next(1, 10) + "e" + random.Next(0, 25),
                _ => random.Next(1, 10) + Digits(random, random.Next(0, 21)),
            });
        return cases;
    }

    /// <summary>The cases: the tricky list, then <paramref name="count"/> random ones.</summary>
    public static List<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<string>(Tricky);
        while (cases.Count < Tricky.Length + count)
        {
            var value = random.Next(10) switch
            {
                < 4 => Formatted(random),
                < 6 => Mutate(random, Formatted(random)),
                6 => Epoch(random),
                7 => Characters(random),
                _ => Soup(random),
            };
            // A cut through a character outside the BMP leaves half of it, which JSON cannot carry to Python.
            if (WellFormed(value))
                cases.Add(value);
        }
        return cases;
    }

    private static bool WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    private static DateTime RandomDate(Random random)
    {
        var year = random.Next(6) switch { 0 => random.Next(1, 10000), 1 => random.Next(1, 100), 2 => 9999, _ => random.Next(1950, 2100) };
        var month = random.Next(1, 13);
        var day = random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return new DateTime(year, month, day, random.Next(24), random.Next(60), random.Next(60)).AddTicks(random.Next(10_000_000));
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyyMMdd", "yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmm", "yyyy/MM/dd",
        "MM/dd/yyyy", "dd/MM/yyyy", "M/d/yy", "MMM d yyyy", "MMMM d, yyyy", "d MMM yyyy", "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd MMM d HH:mm:ss 'UTC' yyyy", "h tt", "h:mm tt", "htt", "HH:mm", "HH:mm:ss.ff",
        "dddd", "MMMM", "MMM yyyy", "yyyy-MM", "yy-MM-dd", "dd.MM.yyyy", "yyyy.MM.dd", "HH'h'mm", "d'th of' MMMM", "MMM-dd-yy",
        "yyyy-MM-dd HH:mm:ss.fffffff", "yyyy-MM-dd'T'HH:mm:ss,fff'Z'", "yyyyMMddHHmm", "yyyyMMddHHmmss", "yyMMdd", "HHmmss",
    ];

    private static readonly string[] Zones = ["", "Z", " UTC", " GMT", " EST", " +0200", " -05:30", "+01:00", " +2400", " -0000", " z", " GMT+3", " (UTC)", " -14"];

    private static string Formatted(Random random)
    {
        var date = RandomDate(random);
        var text = date.ToString(Formats[random.Next(Formats.Length)], CultureInfo.InvariantCulture);
        if (random.Next(3) == 0)
            text += Zones[random.Next(Zones.Length)];
        if (random.Next(8) == 0)
            text = text.ToLowerInvariant();
        return text;
    }

    private static string Mutate(Random random, string text)
    {
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            var position = text.Length == 0 ? 0 : random.Next(text.Length);
            text = random.Next(9) switch
            {
                0 => text[..position] + random.Next(10) + text[position..],
                1 when text.Length > 0 => text.Remove(position, 1),
                2 => text[..position],
                3 => text[..position] + Separators[random.Next(Separators.Length)] + text[position..],
                4 => text[..position] + Words[random.Next(Words.Length)] + text[position..],
                5 => Replace(text, position, "0123456789"[random.Next(10)]),
                6 => text[..position] + OddCharacters[random.Next(OddCharacters.Length)] + text[Math.Min(position + 1, text.Length)..],
                7 => text.Replace("-", Separators[random.Next(Separators.Length)]),
                _ => text + " " + Words[random.Next(Words.Length)],
            };
        }
        return text;
    }

    /// <summary>Decimal digits of other scripts (int() reads them), digits it does not read, a digit outside the
    /// BMP, and white space Python has and .NET lacks (U+001C) or the reverse.</summary>
    private static readonly string[] OddCharacters = ["١", "٢", "٠", "٩", "²", "³", "𝟓", " ", "\u3000", "\u001c", "\u200b", "\u00a0"];

    private static string Replace(string text, int position, char c) =>
        text.Length == 0 ? c.ToString() : text[..position] + c + text[(position + 1)..];

    private static string Epoch(Random random)
    {
        return random.Next(8) switch
        {
            0 => random.NextInt64(-70_000_000_000, 260_000_000_000).ToString(CultureInfo.InvariantCulture),
            1 => (random.NextDouble() * 2e9).ToString("R", CultureInfo.InvariantCulture),
            2 => (random.Next(2) == 0 ? "-" : "") + random.Next(1, 10) + "e" + random.Next(0, 25),
            3 => new string('9', random.Next(1, 30)),
            4 => (253402300799 + random.Next(-3, 3)).ToString(CultureInfo.InvariantCulture) + "." + new string('9', random.Next(0, 9)),
            5 => (-62135596800 + random.Next(-3, 3)).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 1000000).ToString("D6", CultureInfo.InvariantCulture),
            6 => Digits(random, random.Next(9, 21)),
            _ => (random.NextDouble() * 1e11).ToString("F" + random.Next(0, 8), CultureInfo.InvariantCulture),
        };
    }

    private static string Digits(Random random, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
            builder.Append((char)('0' + random.Next(10)));
        return builder.ToString();
    }

    private const string Alphabet = "0123456789012345678901234567890123456789.....,,,:::---++//    ()TZzamphsJnMtUCGEyo²١𝟓 _e";

    /// <summary>Short random strings over the characters that steer dateutil's lexer and parser.</summary>
    private static string Characters(Random random)
    {
        var builder = new StringBuilder();
        for (var n = random.Next(1, 14); n > 0; n--)
        {
            var i = random.Next(Alphabet.Length);
            builder.Append(char.IsHighSurrogate(Alphabet[i]) ? Alphabet.Substring(i, 2) : char.IsLowSurrogate(Alphabet[i]) ? Alphabet.Substring(i - 1, 2) : Alphabet[i].ToString());
        }
        return builder.ToString();
    }

    /// <summary>A random sequence of numbers, words and separators: reaches the parser's odd corners.</summary>
    private static string Soup(Random random)
    {
        var builder = new StringBuilder();
        for (var n = random.Next(1, 8); n > 0; n--)
        {
            builder.Append(random.Next(3) switch
            {
                0 => Words[random.Next(Words.Length)],
                _ => random.Next(4) switch
                {
                    0 => random.Next(100).ToString(CultureInfo.InvariantCulture),
                    1 => Digits(random, random.Next(1, 15)),
                    2 => random.Next(60) + "." + Digits(random, random.Next(1, 8)),
                    _ => random.Next(10000).ToString("D4", CultureInfo.InvariantCulture),
                },
            });
            builder.Append(Separators[random.Next(Separators.Length)]);
        }
        return builder.ToString();
    }
}
