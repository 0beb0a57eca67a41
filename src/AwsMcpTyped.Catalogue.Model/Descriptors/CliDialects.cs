namespace AwsMcpTyped.Catalogue;

/// <summary>
/// The major versions of the AWS CLI a service, command or argument exists in. Both versions read the same botocore
/// models; they differ in customizations (v2's <c>ddb</c>, <c>logs tail</c>, <c>sso login</c>; v1's <c>ecr get-login</c>),
/// in a few argument tables (v2 adds <c>--cli-input-yaml</c> wherever <c>--cli-input-json</c> is, and drops v1's hidden
/// legacy spellings) and in their global options.
/// </summary>
[Flags]
public enum CliDialects
{
    None = 0,
    /// <summary>AWS CLI v1 (Python package <c>awscli</c> 1.x; end of support 2027-07-15).</summary>
    V1 = 1,
    /// <summary>AWS CLI v2, the version users run.</summary>
    V2 = 2,
    /// <summary>Both versions.</summary>
    All = V1 | V2,
}
