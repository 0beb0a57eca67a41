using AwsMcpTyped.Configuration;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>The region and profile a command will use, resolved as the CLI does: --region/--profile, then the call's
/// own region/profile, then AWS_REGION / AWS_DEFAULT_REGION / AWS_PROFILE, then the profile's configured region.</summary>
public static class CallTarget
{
    public static (string? Region, string Profile) Resolve(AwsInvocation invocation, string? callRegion, string? callProfile)
    {
        var profile = invocation.Profile ?? callProfile ?? Variable("AWS_PROFILE") ?? Variable("AWS_DEFAULT_PROFILE") ?? "default";
        var region = invocation.Region ?? callRegion ?? Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION") ?? ProfileRegion(profile);
        return (region, profile);
    }

    private static string? ProfileRegion(string profile)
    {
        try
        {
            return AwsConfigFiles.Load().Find(profile)?.Region;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
