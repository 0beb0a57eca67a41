namespace AwsMcpTyped.Configuration;

/// <summary>
/// The shared AWS config and credentials files, at AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws, read the
/// way the CLI reads them ([profile x] in config, [x] in credentials, [default] in both). As in botocore's
/// <c>Session.full_config</c>, a profile's settings in the credentials file override those in the config file, its
/// <c>region</c> included.
/// </summary>
public sealed class AwsConfigFiles
{
    private readonly Dictionary<string, Dictionary<string, string>> _config = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _credentials;

    private AwsConfigFiles(string configPath, string credentialsPath)
    {
        ConfigPath = configPath;
        CredentialsPath = credentialsPath;
        foreach (var (section, values) in IniFile.Read(configPath))
        {
            if (section == "default")
                _config["default"] = values;
            else if (section.StartsWith("profile ", StringComparison.Ordinal))
                _config[section["profile ".Length..].Trim()] = values;
        }
        _credentials = IniFile.Read(credentialsPath);
    }

    public string ConfigPath { get; }
    public string CredentialsPath { get; }

    /// <summary>The files this process's environment names.</summary>
    public static AwsConfigFiles Load() => Load(Environment.GetEnvironmentVariable);

    /// <summary>The files an environment names (<paramref name="variable"/> reads it).</summary>
    public static AwsConfigFiles Load(Func<string, string?> variable)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new AwsConfigFiles(
            variable("AWS_CONFIG_FILE") is { Length: > 0 } config ? config : Path.Combine(home, ".aws", "config"),
            variable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } credentials ? credentials : Path.Combine(home, ".aws", "credentials"));
    }

    public IReadOnlyList<AwsProfile> Profiles() =>
        _config.Keys.Union(_credentials.Keys).Order(StringComparer.Ordinal).Select(Describe).ToList();

    public AwsProfile? Find(string name) => _config.ContainsKey(name) || _credentials.ContainsKey(name) ? Describe(name) : null;

    /// <summary>The profile's access key id from the credentials (or config) file, for masking; never the secret.</summary>
    public string? AccessKeyId(string profile) =>
        Value(_credentials, profile, "aws_access_key_id") ?? Value(_config, profile, "aws_access_key_id");

    /// <summary>One setting of a profile as botocore merges the files (the credentials file wins); never use it for secrets.</summary>
    public string? Setting(string profile, string key) =>
        Value(_credentials, profile, key) ?? Value(_config, profile, key);

    private AwsProfile Describe(string name)
    {
        var inConfig = _config.TryGetValue(name, out var config);
        var inCredentials = _credentials.TryGetValue(name, out var credentials);
        string? Get(string key) => (credentials?.GetValueOrDefault(key)) ?? config?.GetValueOrDefault(key);
        var type = Get("aws_access_key_id") is not null ? "static"
            : Get("sso_start_url") is not null || Get("sso_session") is not null ? "sso"
            : Get("role_arn") is not null && Get("web_identity_token_file") is not null ? "web-identity"
            : Get("role_arn") is not null ? "role"
            : Get("credential_process") is not null ? "process"
            : Get("login_session") is not null ? "login"
            : "config";
        return new AwsProfile(name, type, Get("region"), inConfig && inCredentials ? "both" : inConfig ? "config" : "credentials",
            Get("role_arn"), Get("source_profile"), Get("sso_session"));
    }

    private static string? Value(Dictionary<string, Dictionary<string, string>> file, string profile, string key) =>
        file.TryGetValue(profile, out var values) ? values.GetValueOrDefault(key) : null;
}
