using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>What Python's <c>int()</c> and <c>float()</c> accept, which is what the CLI turns number arguments into:
/// surrounding white space, a sign, digits grouped with single underscores, and for floats exponents, <c>inf</c> and
/// <c>nan</c>.</summary>
internal static partial class PythonNumbers
{
    public static bool IsInteger(string value) => Integer().IsMatch(value);

    public static bool IsFloat(string value) => Float().IsMatch(value);

    [GeneratedRegex(@"^\s*[+-]?\d+(?:_\d+)*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^\s*[+-]?(?:(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?|inf(?:inity)?|nan)\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Float();
}
