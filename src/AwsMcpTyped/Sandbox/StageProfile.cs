namespace AwsMcpTyped.Sandbox;

/// <summary>What one stage may touch: paths it may read, read and execute, or write beneath, whether it may use the
/// network, and whether it may start processes (a single process may start threads only). Its own program (and that
/// program's loader) may always be executed. Every sandbox mechanism builds its rules from this one description.</summary>
public sealed record StageProfile(IReadOnlyList<string> Read, IReadOnlyList<string> Execute, IReadOnlyList<string> Write, bool Network, bool SingleProcess = false)
{
    /// <summary>Shared libraries, the loader's cache and locale data: what any dynamically linked program reads to start.</summary>
    private static readonly string[] Libraries =
        ["/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32", "/lib", "/lib64", "/lib32", "/libx32", "/etc/ld.so.cache", "/usr/share/locale"];

    /// <summary>Where system programs live: the aws stage may run them (Python, a shell in front of the CLI, the
    /// programs botocore starts such as a credential_process in /usr/local/bin).</summary>
    private static readonly string[] SystemPrograms = ["/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32", "/opt", "/nix/store"];

    /// <summary>System files the CLI reads: certificates, name resolution, time zones, MIME types, the user database.</summary>
    private static readonly string[] SystemFiles =
    [
        "/etc/ssl", "/etc/pki", "/etc/ca-certificates", "/etc/crypto-policies", "/etc/resolv.conf", "/etc/hosts",
        "/etc/nsswitch.conf", "/etc/host.conf", "/etc/gai.conf", "/etc/localtime", "/etc/timezone", "/etc/mime.types",
        "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/passwd", "/etc/group", "/etc/os-release",
        "/usr/share/zoneinfo", "/dev/urandom", "/dev/random", "/proc/self", "/proc/thread-self", "/proc/sys/kernel/random",
    ];

    /// <summary>Variables naming files the CLI reads (config, credentials, CA bundle, web identity and container tokens).</summary>
    private static readonly string[] FileVariables =
    [
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CA_BUNDLE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR",
    ];

    /// <summary>A filter (jq, awk, sed, sort, …): its libraries only; no network, no other program or process, nothing
    /// written.</summary>
    public static StageProfile Filter { get; } = new(Libraries, [], [], Network: false, SingleProcess: true);

    /// <summary>The aws stage: the network; read its installation, system files and the AWS config/credential files;
    /// write only the working directory, the CLI's caches and /dev/null.</summary>
    public static StageProfile Aws(string awsExecutable, StageScope scope, IReadOnlyList<string> extraCliPaths)
    {
        string? Variable(string name) => scope.AwsEnvironment.TryGetValue(name, out var changed) ? changed : Environment.GetEnvironmentVariable(name);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // The CLI finds ~ through HOME, which the aws stage's environment may set apart from this process's.
        var cliHome = Variable("HOME") is { Length: > 0 } setHome ? setHome : home;
        var awsDirectory = Path.Combine(cliHome, ".aws");
        var read = new List<string>(SystemFiles) { awsDirectory };
        foreach (var name in FileVariables)
        {
            if (Variable(name) is { Length: > 0 } value)
                read.Add(Path.GetFullPath(value));
        }
        // Model folders botocore searches before its own (aws configure add-model writes to ~/.aws/models, read above).
        foreach (var folder in (Variable("AWS_DATA_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            read.Add(Path.GetFullPath(folder.StartsWith('~') ? cliHome + folder[1..] : folder));
        var execute = SystemPrograms.Concat(CliInstallRoots.Find(awsExecutable, home)).Concat(extraCliPaths).Distinct().ToList();
        var write = new List<string> { "/dev/null" };
        if (scope.WorkingDirectory is not null)
            write.Add(scope.WorkingDirectory);
        write.AddRange(CliCaches(awsDirectory));
        return new StageProfile(read, execute, write, Network: true);
    }

    /// <summary>The CLI writes cached credentials (assume-role, SSO) here. They are created when ~/.aws exists, because a
    /// sandboxed CLI may not create directories inside ~/.aws itself.</summary>
    private static IEnumerable<string> CliCaches(string awsDirectory)
    {
        if (!Directory.Exists(awsDirectory))
            yield break;
        foreach (var cache in new[] { Path.Combine(awsDirectory, "cli", "cache"), Path.Combine(awsDirectory, "sso", "cache") })
        {
            try
            {
                Directory.CreateDirectory(cache);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue; // a read-only ~/.aws (a mounted volume): the CLI cannot cache, as without us
            }
            yield return cache;
        }
    }
}
