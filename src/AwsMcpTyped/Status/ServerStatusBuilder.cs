using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Detection;
using AwsMcpTyped.Execution.Effects;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Sandbox;

namespace AwsMcpTyped.Status;

/// <summary>Gathers a <see cref="ServerStatus"/> from the server's own objects: the executor (its settings, CLI, audit
/// log, containment and environment), the catalogue, and the config files the CLI reads.</summary>
public static class ServerStatusBuilder
{
    /// <summary>Seconds the caller-identity check may take: doctor must answer quickly, even when AWS is unreachable.</summary>
    public const int IdentityTimeoutSeconds = 5;

    /// <param name="executor">The executor the server would use; null when the settings are invalid.</param>
    /// <param name="settingsError">Why the settings are invalid, when they are.</param>
    /// <param name="cli">The CLI (the executor's when there is one).</param>
    /// <param name="offline">Skip the caller-identity call.</param>
    public static async Task<ServerStatus> BuildAsync(CommandExecutor? executor, string? settingsError, AwsCliInstallation cli, AwsCatalogue catalogue,
        bool offline, CancellationToken cancellationToken)
    {
        var changes = executor?.AwsEnvironmentChanges ?? new Dictionary<string, string?>();
        string? Variable(string name) => changes.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);
        var problems = new List<StatusProblem>();
        var warnings = new List<string>();
        if (settingsError is not null)
            problems.Add(new StatusProblem(StatusProblemKind.InvalidSettings, settingsError, "Fix the setting; the server refuses to start with it."));

        var info = await cli.DetectAsync(changes, cancellationToken);
        var cliStatus = Cli(cli, info, catalogue, problems, warnings);

        var (target, profileSource, regionSource) = CallTarget.Explain(null, null, null, null, AwsCliDialect.ForMajor(info?.Major), Variable);
        var credentials = CredentialsInspector.Inspect(target.ProfileName, profileSource, Variable);
        CheckCredentials(credentials, problems);

        IdentityStatus? identity = null;
        if (!offline && executor is not null && info is not null)
            identity = await IdentityAsync(executor, cancellationToken);

        var containment = executor?.Containment ?? StageSandbox.Default.Containment;
        var sandboxEnabled = SandboxEnabled();
        if (sandboxEnabled && !containment.IsContained)
        {
            problems.Add(new StatusProblem(StatusProblemKind.ContainmentUnavailable, $"Kernel containment is on (AWS_MCP_SANDBOX) but unavailable: {containment.Detail}.",
                $"Run where Landlock (Linux) or sandbox-exec (macOS) is available, or set {SandboxSettings.EnabledVariable}=off to run uncontained knowingly."));
        }
        if (containment.UncontainedFiltersAllowed && !containment.IsContained)
            warnings.Add($"{Containment.UncontainedFiltersVariable}=true: awk, sed and jq run uncontained.");

        problems.Sort((a, b) => ((int)a.Kind).CompareTo((int)b.Kind));
        return new ServerStatus(cliStatus, credentials, identity, new RegionStatus(target.Region, regionSource), executor is null ? null : Safety(executor),
            new ContainmentStatus(containment.Mechanism.ToString().ToLowerInvariant(), sandboxEnabled, containment.Summary),
            ClientLaunch.ConfigSnippet(target.Profile, target.Region), problems, warnings);
    }

    private static CliStatus Cli(AwsCliInstallation cli, AwsCliInfo? info, AwsCatalogue catalogue, List<StatusProblem> problems, List<string> warnings)
    {
        if (cli.Path is null)
        {
            problems.Add(new StatusProblem(StatusProblemKind.NoCli,
                Environment.GetEnvironmentVariable(AwsCliInstallation.PathVariable) is { Length: > 0 } configured
                    ? $"{AwsCliInstallation.PathVariable}={configured} is not an existing file." : "No 'aws' on PATH.",
                AwsCliInstallation.InstallHint));
            return new CliStatus(null, null, catalogue.BotocoreVersion, null, null);
        }
        if (info is null)
        {
            problems.Add(new StatusProblem(StatusProblemKind.CliUnusable, $"{cli.Path} does not run or does not say its version (aws --version).",
                "Run it by hand to see why, reinstall it, or point AWS_MCP_AWS_CLI at a working CLI."));
            return new CliStatus(cli.Path, null, catalogue.BotocoreVersion, null, null);
        }
        var matching = AwsCatalogue.CliVersion(info.Major >= 2 ? CliDialects.V2 : CliDialects.V1);
        string? skew = null;
        if (Version.TryParse(matching, out var expected))
        {
            skew = info.Version < expected ? "older" : info.Version > expected ? "newer" : "same";
            // The executor reads the CLI's own models where they differ (AwsCatalogue.InStepWith): only where it finds them.
            var models = info.ModelsDirectory is { } folder ? $"read from its models ({folder})" : null;
            if (skew == "older")
                warnings.Add($"Your CLI ({info.Version}) is older than the catalogue ({matching}): " + (models is null
                    ? "commands the catalogue knows may be missing from your CLI."
                    : "commands it lacks are refused with a request to upgrade it."));
            else if (skew == "newer")
                warnings.Add($"Your CLI ({info.Version}) is newer than the catalogue ({matching}): its newer commands and arguments are " +
                    (models ?? "unknown here and refused (its models folder was not found)") + ".");
        }
        return new CliStatus(cli.Path, info, catalogue.BotocoreVersion, matching, skew);
    }

    private static void CheckCredentials(CredentialsStatus credentials, List<StatusProblem> problems)
    {
        if (credentials.Source == "none")
        {
            problems.Add(new StatusProblem(StatusProblemKind.NoCredentials, $"No credentials for profile {credentials.Profile}: {credentials.Detail}.",
                "Set AWS_PROFILE to a configured profile, run 'aws configure', or 'aws sso login' for an SSO profile."));
        }
        else if (credentials.TokenExpiresAt is { } expires && expires <= DateTimeOffset.UtcNow)
        {
            problems.Add(new StatusProblem(StatusProblemKind.TokenExpired,
                expires == DateTimeOffset.MinValue
                    ? $"No cached {credentials.Source} token for profile {credentials.Profile} ({credentials.Detail})."
                    : $"The {credentials.Source} token of profile {credentials.Profile} expired at {expires:u}.",
                credentials.RefreshCommand));
        }
    }

    private static async Task<IdentityStatus> IdentityAsync(CommandExecutor executor, CancellationToken cancellationToken)
    {
        var result = await executor.ExecuteAsync("aws sts get-caller-identity --output json",
            new ExecuteOptions { TimeoutSeconds = IdentityTimeoutSeconds, Caller = "status" }, cancellationToken);
        if (result.IsError)
        {
            var message = result.Status == ExecutionStatus.Rejected ? result.Rejection!.Message : result.Stderr.Trim().Split('\n')[^1];
            return new IdentityStatus(null, null, $"{result.Error?.ToString() ?? result.Status.ToString()}: {message}".TrimEnd(' ', ':'));
        }
        try
        {
            using var json = JsonDocument.Parse(result.Output);
            return new IdentityStatus(json.RootElement.GetProperty("Account").GetString(), json.RootElement.GetProperty("Arn").GetString(), null);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new IdentityStatus(null, null, "InvalidResponse: the CLI did not return the caller identity as JSON.");
        }
    }

    private static SafetyStatus Safety(CommandExecutor executor)
    {
        var settings = executor.Settings;
        var safety = settings.Safety;
        var rules = safety.Allow.Select(r => new RuleStatus("allow", r.Text, r.Source)).Concat(safety.Deny.Select(r => new RuleStatus("deny", r.Text, r.Source))).ToList();
        return new SafetyStatus(safety.ReadOnly, PolicyEngine.Name(safety.Consent), rules, settings.WorkingDirectory, executor.Audit.Targets,
            settings.AllowNonLoopbackEndpoints, settings.DefaultTimeoutSeconds, settings.MaxTimeoutSeconds, settings.OutputLimitCharacters,
            settings.CallsPerSecond, settings.MaxConcurrency, settings.AllowSignIn);
    }

    /// <summary>AWS_MCP_SANDBOX as the sandbox reads it; a bad value was already reported as invalid settings.</summary>
    private static bool SandboxEnabled()
    {
        try
        {
            return SandboxSettings.FromEnvironment().Enabled;
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
