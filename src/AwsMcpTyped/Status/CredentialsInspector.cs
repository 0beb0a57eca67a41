using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsMcpTyped.Configuration;

namespace AwsMcpTyped.Status;

/// <summary>
/// Where the CLI will get credentials for a profile, read offline in botocore's order (environment keys, then the
/// profile: static keys, assume-role, web identity, SSO, credential_process, v2's <c>aws login</c>; then container),
/// and, for SSO and login profiles, the cached token's expiry. Nothing secret is read into the result.
/// </summary>
internal static class CredentialsInspector
{
    public static CredentialsStatus Inspect(string profile, string? profileSource, Func<string, string?> variable)
    {
        string? Read(string name) => variable(name) is { Length: > 0 } value ? value : null;
        CredentialsStatus Status(string source, string? detail, string? keyId = null, DateTimeOffset? expires = null, string? refresh = null) =>
            new(profile, profileSource, source, detail, AwsEnvironmentInfo.Mask(keyId), expires, refresh);

        if (Read("AWS_ACCESS_KEY_ID") is { } environmentKey && Read("AWS_SECRET_ACCESS_KEY") is not null)
            return Status("environment", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", environmentKey);
        var files = AwsConfigFiles.Load(variable);
        string? Setting(string key) => files.Setting(profile, key);
        switch (files.Find(profile)?.Type)
        {
            case "static":
                return Status("shared-credentials-file", $"aws_access_key_id of profile {profile} ({files.CredentialsPath} or {files.ConfigPath})", files.AccessKeyId(profile));
            case "web-identity":
                return Status("web-identity", $"role_arn {Setting("role_arn")} with the token in {Setting("web_identity_token_file")}");
            case "role":
                return Status("assume-role", $"role_arn {Setting("role_arn")} from " +
                    (Setting("source_profile") is { } source ? $"source_profile {source}" : $"credential_source {Setting("credential_source")}"));
            case "sso":
                return Sso(profile, Setting("sso_session"), Setting("sso_start_url"), variable, Status);
            case "process":
                return Status("credential_process", Setting("credential_process"));
            case "login":
                return Login(profile, Setting("login_session")!, variable, Status);
        }
        if (Read("AWS_WEB_IDENTITY_TOKEN_FILE") is { } tokenFile)
            return Status("web-identity", $"AWS_WEB_IDENTITY_TOKEN_FILE {tokenFile}");
        if (Read("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null || Read("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null)
            return Status("container", "the container credentials endpoint");
        return Status("none", files.Find(profile) is null ? $"no profile {profile} in {files.ConfigPath} or {files.CredentialsPath}, no AWS_ACCESS_KEY_ID"
            : $"profile {profile} has no credential settings");
    }

    /// <summary>botocore's SSOTokenLoader: ~/.aws/sso/cache/&lt;sha1 of the sso_session name, or of the start URL for
    /// legacy profiles&gt;.json, whose <c>expiresAt</c> is the token's expiry.</summary>
    private static CredentialsStatus Sso(string profile, string? session, string? startUrl, Func<string, string?> variable,
        Func<string, string?, string?, DateTimeOffset?, string?, CredentialsStatus> status)
    {
        var refresh = session is not null ? $"aws sso login --sso-session {session}" : $"aws sso login --profile {profile}";
        var key = session ?? startUrl ?? "";
        var file = Path.Combine(Home(variable), ".aws", "sso", "cache", Hex(SHA1.HashData(Encoding.UTF8.GetBytes(key))) + ".json");
        var detail = (session is not null ? $"sso_session {session}" : $"sso_start_url {startUrl}") + $", token cache {file}";
        return status("sso", detail, null, ReadExpiry(file, token => token), refresh);
    }

    /// <summary>AWS CLI v2's <c>aws login</c> (awscli/customizations/login, botocore utils): the profile's
    /// <c>login_session</c>, cached in AWS_LOGIN_CACHE_DIRECTORY or ~/.aws/login/cache as &lt;sha256 of the session&gt;.json,
    /// whose <c>accessToken.expiresAt</c> is the expiry (the CLI refreshes it with the refresh token it keeps beside).</summary>
    private static CredentialsStatus Login(string profile, string session, Func<string, string?> variable,
        Func<string, string?, string?, DateTimeOffset?, string?, CredentialsStatus> status)
    {
        var directory = variable("AWS_LOGIN_CACHE_DIRECTORY") is { Length: > 0 } configured ? configured : Path.Combine(Home(variable), ".aws", "login", "cache");
        var file = Path.Combine(directory, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(session))) + ".json");
        return status("login", $"login_session {session}, token cache {file}", null, ReadExpiry(file, token => token.TryGetProperty("accessToken", out var access) ? access : null), $"aws login --profile {profile}");
    }

    /// <summary>The expiry in a token cache file; <see cref="DateTimeOffset.MinValue"/> when there is no usable token.</summary>
    private static DateTimeOffset ReadExpiry(string file, Func<JsonElement, JsonElement?> token)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            return token(json.RootElement) is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty("expiresAt", out var expires) &&
                   DateTimeOffset.TryParse(expires.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : DateTimeOffset.MinValue;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return DateTimeOffset.MinValue;
        }
    }

    private static string Home(Func<string, string?> variable) =>
        variable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
