using System.Text.Json;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>What the AWS CLI does with a timestamp value.</summary>
internal enum TimestampOutcome
{
    /// <summary>botocore's validator takes it and the request is sent with it.</summary>
    Accepted,
    /// <summary>botocore's validator refuses it ("Invalid type for parameter ..., valid types: &lt;class
    /// 'datetime.datetime'&gt;, timestamp-string"), before anything is sent.</summary>
    Rejected,
    /// <summary>Parsing raises an error the validator does not catch (OverflowError, RuntimeError, decimal's
    /// InvalidOperation): the CLI stops with that error, before anything is sent.</summary>
    CliError,
}

/// <summary>The CLI's answer for one timestamp value: the UTC time it would send, or a short reason it would not.</summary>
/// <param name="Utc">For <see cref="TimestampOutcome.Accepted"/>: the time botocore serializes (to microseconds).</param>
/// <param name="Problem">Otherwise: a short phrase for the user.</param>
internal sealed record TimestampVerdict(TimestampOutcome Outcome, DateTime? Utc, string? Problem)
{
    public bool IsAccepted => Outcome == TimestampOutcome.Accepted;
}

/// <summary>
/// Whether the AWS CLI (v1 and v2 alike) takes a value for a timestamp parameter, decided as it decides. Neither CLI
/// converts a timestamp argument, in shorthand or JSON either: the string reaches botocore's
/// <c>ParamValidator._validate_timestamp</c>, which calls <c>botocore.utils.parse_to_aware_datetime</c> and reports a
/// TypeError/ValueError/AttributeError as an invalid type. That is <c>parse_timestamp</c>: first
/// <c>datetime.fromtimestamp(float(value), tzlocal())</c>, epoch seconds; if <c>float()</c> refuses the string or
/// the time falls outside years 1..9999, <c>dateutil.parser.parse(value, tzinfos={'GMT': tzutc()})</c> (ported in
/// <see cref="DateutilParser"/> and <see cref="DateutilBuilder"/>); an OverflowError or OSError on the way ends in a
/// RuntimeError nothing catches. An aware result is then converted to UTC.
/// </summary>
/// <remarks>
/// The code is the same in v1 (botocore 1.43.11, python-dateutil 2.9.0.post0, Python 3.11.7) and v2 (2.34.50's
/// botocore, Debian's python-dateutil 2.8.2, Python 3.11.2): dateutil's parser did not change between those versions,
/// so there is no dialect. Assumes what this machine has: local time is UTC without daylight saving (dateutil gives
/// the name "UTC" the local zone, and epoch seconds are read in it). Like dateutil, the answer depends on today's
/// local date, which fills in what a value leaves out ("Feb 29" is a date only in leap years, "31" only in long
/// months).
/// </remarks>
internal static partial class PythonTimestamps
{
    private const string Example = "use ISO 8601 like 2024-05-01T12:00:00Z, or epoch seconds";

    internal static readonly TimestampVerdict Unreadable =
        new(TimestampOutcome.Rejected, null, "not a date or time the AWS CLI can read: " + Example);

    internal static readonly TimestampVerdict TooLarge =
        new(TimestampOutcome.CliError, null, "a value too large for the AWS CLI to turn into a date (years run from 1 to 9999): it stops with an error");

    internal static TimestampVerdict Accepted(DateTime utc) => new(TimestampOutcome.Accepted, utc, null);

    internal static TimestampVerdict NotReal(string why) =>
        new(TimestampOutcome.Rejected, null, $"not a real date or time ({why}): " + Example);

    /// <summary>Whether the CLI accepts the string as a timestamp today.</summary>
    public static bool CanParse(string value) => Check(value).IsAccepted;

    /// <summary>The CLI's answer for a string value, as of today's local date.</summary>
    public static TimestampVerdict Check(string value) => Check(value, DateOnly.FromDateTime(DateTime.Now));

    /// <summary>The CLI's answer for a string value, as of the given local date.</summary>
    public static TimestampVerdict Check(string value, DateOnly today)
    {
        if (PythonFloat.TryParse(value, out var seconds))
        {
            var epoch = FromTimestamp(seconds);
            // Out of years 1..9999 is a ValueError, after which dateutil reads the text (it may take a long
            // number as digits of a date); a NaN too. Other failures end the CLI.
            if (epoch is not null)
                return epoch;
            if (!double.IsNaN(seconds))
            {
                var parsed = Dateutil(value, today);
                // If dateutil overflows, botocore retries the number without fromtimestamp, which fails alike.
                return parsed.Outcome == TimestampOutcome.CliError ? TooLarge : parsed;
            }
        }
        return Dateutil(value, today);
    }

    /// <summary>The CLI's answer for a value given in JSON: a string as above; a number
    /// is epoch seconds with no date parsing after it; true and false are the numbers 1 and 0 to Python; anything else
    /// is refused.</summary>
    public static TimestampVerdict Check(JsonElement value, DateOnly today)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Check(value.GetString()!, today);
            case JsonValueKind.True or JsonValueKind.False:
                return FromTimestamp(value.ValueKind == JsonValueKind.True ? 1 : 0)!;
            case JsonValueKind.Number:
                return CheckJsonNumber(value.GetRawText());
            default:
                return Unreadable;
        }
    }

    /// <summary>The CLI's answer for a value as the CLI holds it (<see cref="PythonValues"/>), as of today: JSON's
    /// numbers and booleans are epoch seconds, as in <see cref="Check(JsonElement, DateOnly)"/>.</summary>
    public static TimestampVerdict Check(object? value) => value switch
    {
        string text => Check(text),
        bool flag => FromTimestamp(flag ? 1 : 0)!,
        System.Numerics.BigInteger or double => CheckJsonNumber(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
        _ => Unreadable,
    };

    /// <summary>dateutil's <c>parse</c>, then botocore's conversion to UTC.</summary>
    private static TimestampVerdict Dateutil(string value, DateOnly today)
    {
        var fields = DateutilParser.Parse(value, today.Year, out var crashed);
        if (fields is null)
            return crashed ? TooLarge : Unreadable;
        return DateutilBuilder.Build(fields, today);
    }
}
