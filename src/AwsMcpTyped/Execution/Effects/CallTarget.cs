using AwsMcpTyped.Configuration;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// The region and profile one command uses, decided once per call by the installed CLI's precedence, and then handed
/// to the CLI explicitly (<see cref="AwsEnvironment"/>) so that what the policy judged is what runs.
/// </summary>
/// <param name="Region">Null when nothing names one (s3 then uses us-east-1 and most services fail; v2 on EC2 may
/// still ask the instance metadata service).</param>
/// <param name="Profile">The profile chosen by an option or a variable; null when none was, and the CLI uses
/// <c>[default]</c> if it exists.</param>
public sealed record CallTarget(string? Region, string? Profile)
{
    /// <summary>The profile whose settings apply: the chosen one, else <c>default</c> (what rules and the audit see).</summary>
    public string ProfileName => Profile ?? "default";

    /// <summary>
    /// The region and profile variables of the aws stage, set so that both CLI versions read the values we judged
    /// (null removes a variable). Variables rather than inserted <c>--region</c>/<c>--profile</c>: the command line the
    /// user saw, was validated and is audited stays the one that runs. No profile chosen removes both profile
    /// variables, so the implicit <c>default</c> stays implicit (an explicit one fails where no such profile exists).
    /// </summary>
    public IReadOnlyDictionary<string, string?> AwsEnvironment => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = Region,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_PROFILE"] = Profile,
        ["AWS_DEFAULT_PROFILE"] = Profile,
    };

    /// <summary>
    /// The CLI's precedence: the command's <c>--profile</c>/<c>--region</c>; the call's own profile/region (they act
    /// as those options); the variables <paramref name="dialect"/> reads, in its order; then the <c>region</c> of the
    /// chosen profile (or <c>default</c>) in the config files. Empty values count as unset.
    /// </summary>
    /// <param name="variable">Reads the environment the aws stage will inherit.</param>
    public static CallTarget Resolve(AwsInvocation invocation, string? callRegion, string? callProfile, AwsCliDialect dialect, Func<string, string?> variable) =>
        Explain(invocation.Profile, invocation.Region, callRegion, callProfile, dialect, variable).Target;

    /// <summary><see cref="Resolve"/> with where each value came from (<c>--profile</c>, <c>the call</c>, a variable's
    /// name, <c>profile x in the config files</c>), or null where nothing chose one; for doctor and aws://server/status.</summary>
    public static (CallTarget Target, string? ProfileSource, string? RegionSource) Explain(
        string? optionProfile, string? optionRegion, string? callRegion, string? callProfile, AwsCliDialect dialect, Func<string, string?> variable)
    {
        string? Read(string name) => variable(name) is { Length: > 0 } value ? value : null;
        var (profile, profileSource) = NonEmpty(optionProfile) is { } p1 ? (p1, "--profile")
            : NonEmpty(callProfile) is { } p2 ? (p2, "the call's profile")
            : dialect.ProfileVariables.FirstOrDefault(name => Read(name) is not null) is { } profileVariable ? (Read(profileVariable), profileVariable)
            : ((string?)null, (string?)null);
        var (region, regionSource) = NonEmpty(optionRegion) is { } r1 ? (r1, "--region")
            : NonEmpty(callRegion) is { } r2 ? (r2, "the call's region")
            : dialect.RegionVariables.FirstOrDefault(name => Read(name) is not null) is { } regionVariable ? (Read(regionVariable), regionVariable)
            : ProfileRegion(profile ?? "default", variable) is { } r3 ? (r3, $"region of profile {profile ?? "default"} in the config files")
            : ((string?)null, (string?)null);
        return (new CallTarget(region, profile), profileSource, regionSource);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? ProfileRegion(string profile, Func<string, string?> variable)
    {
        try
        {
            return NonEmpty(AwsConfigFiles.Load(variable).Find(profile)?.Region);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // the CLI cannot read it either
        }
    }
}
