using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Describe;

/// <summary>The global options of the CLI version described, listed once per page rather than in full: the same
/// table validation reads (Data/global-options.json), so describe never advertises what execute refuses.</summary>
internal static class GlobalOptions
{
    private static readonly Lazy<string> V1 = new(() => Write(CliDialects.V1));
    private static readonly Lazy<string> V2 = new(() => Write(CliDialects.V2));

    public static string Summary(CliDialects dialect) => dialect == CliDialects.V1 ? V1.Value : V2.Value;

    private static string Write(CliDialects dialect)
    {
        var options = GlobalOption.For(dialect).Values.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var allowed = options.Where(o => o.DeniedBecause is null)
            .Select(o => o.Choices is { } choices ? $"{o.Name} ({string.Join('|', choices)})" : o.Name);
        var refused = options.Where(o => o.DeniedBecause is not null).Select(o => o.Name);
        return $"AWS CLI {(dialect == CliDialects.V1 ? "v1" : "v2")}: {string.Join(", ", allowed)}. " +
               $"Pass them anywhere on the command line. Refused here: {string.Join(", ", refused)}.";
    }
}
