namespace AwsMcpTyped.Configuration;

/// <summary>A named profile, described without any secret.</summary>
/// <param name="Type">static, sso, role, process, login (AWS CLI v2's aws login), web-identity, or config (settings only).</param>
/// <param name="Source">config, credentials, or both.</param>
public sealed record AwsProfile(string Name, string Type, string? Region, string Source, string? RoleArn, string? SourceProfile, string? SsoSession);
