namespace AwsMcpTyped.Sandbox;

/// <summary>The operator's sandbox settings (the README's configuration table).</summary>
/// <param name="Enabled">AWS_MCP_SANDBOX (default on): off starts stages uncontained.</param>
/// <param name="UncontainedFiltersAllowed">AWS_MCP_UNCONTAINED_FILTERS: run awk, sed and jq where nothing contains them.</param>
/// <param name="CliPaths">AWS_MCP_SANDBOX_PATHS: more paths the aws stage may read and execute (a credential_process
/// program, a CA bundle named in ~/.aws/config, an AWS CLI installed somewhere unusual).</param>
/// <param name="Launcher">AWS_MCP_SANDBOX_LAUNCHER: the awsmcp-sandbox executable, when not next to this library.</param>
public sealed record SandboxSettings(bool Enabled, bool UncontainedFiltersAllowed, IReadOnlyList<string> CliPaths, string? Launcher = null)
{
    public const string EnabledVariable = "AWS_MCP_SANDBOX";
    public const string CliPathsVariable = "AWS_MCP_SANDBOX_PATHS";
    public const string LauncherVariable = "AWS_MCP_SANDBOX_LAUNCHER";

    public static SandboxSettings Default { get; } = new(true, false, []);

    /// <summary>From the process environment; a value that is not on/off/true/false is a <see cref="FormatException"/>
    /// naming the variable (a server must not start with protections other than the ones configured).</summary>
    public static SandboxSettings FromEnvironment() => new(
        Flag(EnabledVariable, defaultValue: true),
        Flag(Containment.UncontainedFiltersVariable, defaultValue: false),
        (Environment.GetEnvironmentVariable(CliPathsVariable) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Path.GetFullPath).ToList(),
        Environment.GetEnvironmentVariable(LauncherVariable) is { Length: > 0 } launcher ? launcher : null);

    private static bool Flag(string name, bool defaultValue) => Environment.GetEnvironmentVariable(name)?.Trim().ToLowerInvariant() switch
    {
        null or "" => defaultValue,
        "1" or "true" or "on" or "yes" => true,
        "0" or "false" or "off" or "no" => false,
        var other => throw new FormatException($"{name} must be true or false (on/off), not '{other}'."),
    };
}
