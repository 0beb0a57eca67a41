namespace AwsMcpTyped.Configuration;

/// <summary>
/// What the CLI will use when a command runs: the profile (AWS_PROFILE, else AWS_DEFAULT_PROFILE, else default), the
/// region (AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1) and where credentials come from, with the
/// access key id masked. Read offline; nothing secret leaves this type.
/// </summary>
public sealed record AwsEnvironmentInfo(
    string Profile,
    string Region,
    string RegionSource,
    string? MaskedAccessKeyId,
    bool HasCredentials,
    string CredentialsSource)
{
    public const string DefaultRegion = "us-east-1";

    public static AwsEnvironmentInfo Read(AwsConfigFiles files)
    {
        var profileName = Variable("AWS_PROFILE") ?? Variable("AWS_DEFAULT_PROFILE") ?? "default";
        var profile = files.Find(profileName);
        var (region, regionSource) = Variable("AWS_REGION") is { } r1 ? (r1, "AWS_REGION")
            : Variable("AWS_DEFAULT_REGION") is { } r2 ? (r2, "AWS_DEFAULT_REGION")
            : profile?.Region is { } r3 ? (r3, $"profile {profileName}")
            : (DefaultRegion, "default");

        string? keyId = null;
        string source;
        if (Variable("AWS_ACCESS_KEY_ID") is { } environmentKey && Variable("AWS_SECRET_ACCESS_KEY") is not null)
            (keyId, source) = (environmentKey, "environment");
        else if (profile?.Type == "static")
            (keyId, source) = (files.AccessKeyId(profileName), "profile");
        else if (profile?.Type is "sso")
            source = "sso";
        else if (profile?.Type is "role")
            source = "assume-role";
        else if (profile?.Type is "web-identity" || Variable("AWS_WEB_IDENTITY_TOKEN_FILE") is not null)
            source = "web-identity";
        else if (profile?.Type is "process")
            source = "process";
        else if (Variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || Variable("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null)
            source = "container";
        else if (Variable("AWS_EC2_METADATA_DISABLED") is not ("true" or "TRUE") && File.Exists("/sys/hypervisor/uuid") && File.ReadAllText("/sys/hypervisor/uuid").StartsWith("ec2", StringComparison.OrdinalIgnoreCase))
            source = "instance-profile";
        else
            source = "none";
        return new AwsEnvironmentInfo(profileName, region, regionSource, Mask(keyId), source != "none", source);
    }

    /// <summary>AKIAIOSFODNN7EXAMPLE → AKIA************MPLE.</summary>
    public static string? Mask(string? keyId) =>
        keyId is null ? null : keyId.Length <= 8 ? new string('*', keyId.Length) : keyId[..4] + new string('*', keyId.Length - 8) + keyId[^4..];

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
