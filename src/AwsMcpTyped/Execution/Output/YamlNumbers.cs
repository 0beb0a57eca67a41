using System.Globalization;
using System.Text.Json;

namespace AwsMcpTyped.Execution.Output;

/// <summary>How ruamel's SafeRepresenter writes the non-string scalars Python's json module parsed: <c>true</c>,
/// <c>false</c>, <c>null</c>, ints as <c>str(int)</c> (any size), floats as <c>repr(float).lower()</c> with
/// <c>.inf</c>/<c>-.inf</c>/<c>.nan</c>.</summary>
internal static class YamlNumbers
{
    public static string Represent(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Number => Number(value.GetRawText()),
        _ => throw new ArgumentException("not a scalar", nameof(value)),
    };

    /// <summary>A JSON number as Python reads and ruamel writes it: without <c>.</c>, <c>e</c> or <c>E</c> it is an int
    /// (kept digit for digit, <c>-0</c> is <c>0</c>); otherwise a float.</summary>
    public static string Number(string raw)
    {
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
            return raw == "-0" ? "0" : raw;
        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture); // overflow gives ±∞, as in Python
        if (double.IsNaN(number))
            return ".nan";
        if (double.IsPositiveInfinity(number))
            return ".inf";
        if (double.IsNegativeInfinity(number))
            return "-.inf";
        return PythonRepr(number);
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-tripping digits (as .NET's "R"), written in fixed
    /// notation when the decimal exponent is in [-4, 16) (always with a fractional part, <c>1.0</c>) and as
    /// <c>d.ddde+XX</c> otherwise.</summary>
    public static string PythonRepr(double value)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
            r = r[1..];
        var exponent = 0;
        var e = r.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var point = r.IndexOf('.');
        var digits = point < 0 ? r : r[..point] + r[(point + 1)..];
        var pointPosition = (point < 0 ? r.Length : point) + exponent; // digits[0..pointPosition] is the integer part
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
            return negative ? "-0.0" : "0.0";
        pointPosition -= leadingZeros;

        string text;
        if (pointPosition > -4 && pointPosition <= 16)
        {
            if (pointPosition <= 0)
                text = "0." + new string('0', -pointPosition) + digits;
            else if (pointPosition >= digits.Length)
                text = digits + new string('0', pointPosition - digits.Length) + ".0";
            else
                text = digits[..pointPosition] + "." + digits[pointPosition..];
        }
        else
        {
            var exp = pointPosition - 1;
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            text = mantissa + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return negative ? "-" + text : text;
    }
}
