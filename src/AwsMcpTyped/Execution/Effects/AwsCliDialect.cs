namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// The one table of how each major version of the AWS CLI picks its profile and region from environment variables, in
/// order (the <c>profile</c> and <c>region</c> entries of the botocore each version bundles). Everything else about the
/// choice is the same in both: <c>--profile</c>/<c>--region</c> first, the variables next, then the <c>region</c> of the
/// chosen profile (or <c>default</c>) in the config files; see <see cref="CallTarget"/>.
/// </summary>
/// <param name="Major">The CLI's major version.</param>
/// <param name="ProfileVariables">The variables naming the profile, first found wins.</param>
/// <param name="RegionVariables">The variables naming the region, first found wins.</param>
public sealed record AwsCliDialect(int Major, IReadOnlyList<string> ProfileVariables, IReadOnlyList<string> RegionVariables)
{
    /// <summary>AWS CLI v1: prefers AWS_DEFAULT_PROFILE, and never reads AWS_REGION.</summary>
    public static AwsCliDialect V1 { get; } = new(1, ["AWS_DEFAULT_PROFILE", "AWS_PROFILE"], ["AWS_DEFAULT_REGION"]);

    /// <summary>AWS CLI v2.</summary>
    public static AwsCliDialect V2 { get; } = new(2, ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"], ["AWS_REGION", "AWS_DEFAULT_REGION"]);

    /// <summary>The dialect of a major version; an unknown version (no answer to <c>aws --version</c>) reads as v2,
    /// the version users run. Guessing wrong cannot make us judge one region and run another: the executor passes the
    /// values it judged to the CLI explicitly.</summary>
    public static AwsCliDialect ForMajor(int? major) => major == 1 ? V1 : V2;

    /// <summary>The dialect of the CLI version a catalogue view describes.</summary>
    public static AwsCliDialect For(Catalogue.CliDialects version) => version == Catalogue.CliDialects.V1 ? V1 : V2;
}
