using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>The region names the CLI accepts: botocore's <c>validate_region_name</c> takes any DNS host label (up to
/// 63 letters, digits and dashes, not all digits, no dash at either end), since regions are not a closed set.</summary>
internal static partial class RegionNames
{
    public static bool IsValid(string region) => HostLabel().IsMatch(region);

    public static string Problem(string region) =>
        $"'{region}' is not a region name: the AWS CLI takes letters, digits and dashes (e.g. us-east-1).";

    [GeneratedRegex(@"^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$", RegexOptions.CultureInvariant)]
    private static partial Regex HostLabel();
}
