using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>What Python's <c>int()</c> and <c>float()</c> accept, which is what the CLI turns number arguments into:
/// surrounding white space, a sign, digits grouped with single underscores, and for floats exponents, <c>inf</c> and
/// <c>nan</c>.</summary>
internal static partial class PythonNumbers
{
    public static bool IsInteger(string value) => Integer().IsMatch(value);

    public static bool IsFloat(string value) => Float().IsMatch(value);

    /// <summary>The value of <c>int(value)</c>.</summary>
    public static bool TryParseInteger(string value, out BigInteger result)
    {
        result = default;
        if (!IsInteger(value))
            return false;
        var digits = new StringBuilder();
        foreach (var c in value.Trim())
        {
            if (char.IsDigit(c))
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
            else if (c is '-' or '+')
                digits.Append(c);
        }
        return BigInteger.TryParse(digits.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>The value of <c>float(value)</c>.</summary>
    public static bool TryParseFloat(string value, out double result)
    {
        result = default;
        if (!IsFloat(value))
            return false;
        var text = new StringBuilder();
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            if (char.IsDigit(c))
                text.Append((char)('0' + (int)char.GetNumericValue(c)));
            else if (c != '_')
                text.Append(c);
        }
        var normal = text.ToString().TrimStart('+', '-');
        var negative = text.Length > 0 && text[0] == '-';
        result = normal.StartsWith("inf") ? double.PositiveInfinity
            : normal == "nan" ? double.NaN
            : double.Parse(normal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (negative)
            result = -result;
        return true;
    }

    [GeneratedRegex(@"^\s*[+-]?\d+(?:_\d+)*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^\s*[+-]?(?:(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?|inf(?:inity)?|nan)\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Float();
}
