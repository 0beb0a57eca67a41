using AwsMcpTyped.Execution.Detection;

namespace AwsMcpTyped.Status;

/// <summary>
/// Whether this server can be used, and with what: the facts <c>awsmcp doctor</c> prints and <c>aws://server/status</c>
/// returns, gathered once (<see cref="ServerStatusBuilder"/>) and rendered by <see cref="ServerStatusText"/> and
/// <see cref="ServerStatusJson"/>.
/// </summary>
/// <param name="Cli">The AWS CLI, or why there is none.</param>
/// <param name="Credentials">The profile and credentials in effect.</param>
/// <param name="Identity">Who AWS says the credentials are; null when not asked (offline, no CLI, invalid settings).</param>
/// <param name="Region">The region in effect and where it came from.</param>
/// <param name="Safety">The safety settings in force; null when they are invalid (see <see cref="Problems"/>).</param>
/// <param name="Containment">What contains the processes the server starts.</param>
/// <param name="ClientConfig">The MCP client configuration to paste (Claude Desktop, Cursor), as JSON text.</param>
/// <param name="Problems">What blocks use, each with its exit code and fix; empty when usable.</param>
/// <param name="Warnings">What works but deserves attention (version skew, an uncontained filter setting).</param>
public sealed record ServerStatus(
    CliStatus Cli,
    CredentialsStatus Credentials,
    IdentityStatus? Identity,
    RegionStatus Region,
    SafetyStatus? Safety,
    ContainmentStatus Containment,
    string ClientConfig,
    IReadOnlyList<StatusProblem> Problems,
    IReadOnlyList<string> Warnings)
{
    /// <summary>0 when usable, else the code of the first problem (see <see cref="StatusProblemKind"/>).</summary>
    public int ExitCode => Problems.Count == 0 ? 0 : (int)Problems[0].Kind;

    public bool IsUsable => Problems.Count == 0;
}

/// <summary>What blocks use; the value is doctor's exit code.</summary>
public enum StatusProblemKind
{
    /// <summary>A setting (AWS_MCP_*) is invalid: the server would refuse to start (serve exits 2 too).</summary>
    InvalidSettings = 2,

    /// <summary>No AWS CLI: none on PATH, or AWS_MCP_AWS_CLI names a missing file.</summary>
    NoCli = 3,

    /// <summary>The CLI is there but does not run or say its version.</summary>
    CliUnusable = 4,

    /// <summary>No credentials of any kind were found for the profile in effect.</summary>
    NoCredentials = 5,

    /// <summary>The SSO or <c>aws login</c> token of the profile in effect is expired or missing.</summary>
    TokenExpired = 6,

    /// <summary>Kernel containment is asked for (AWS_MCP_SANDBOX=on, the default) but this machine cannot provide it.</summary>
    ContainmentUnavailable = 7,
}

/// <param name="Fix">What to do about it (a command to run, a setting to change).</param>
public sealed record StatusProblem(StatusProblemKind Kind, string Message, string? Fix);

/// <param name="Path">The executable found (AWS_MCP_AWS_CLI, else <c>aws</c> on PATH), or null.</param>
/// <param name="Info">What detection found; null when there is no CLI or it did not say its version.</param>
/// <param name="CatalogueBotocore">The botocore version the catalogue was built from.</param>
/// <param name="CatalogueCliVersion">The release of the installed CLI's major version with the catalogue's models.</param>
/// <param name="Skew">older, same or newer: the installed CLI against <paramref name="CatalogueCliVersion"/>; null when unknown.</param>
public sealed record CliStatus(string? Path, AwsCliInfo? Info, string CatalogueBotocore, string? CatalogueCliVersion, string? Skew);

/// <param name="Profile">The profile whose settings apply (<c>default</c> when none was chosen).</param>
/// <param name="ProfileSource">Why: the variable that chose it, or null when none did and the CLI uses [default].</param>
/// <param name="Source">environment, shared-credentials-file, credential_process, assume-role, sso, login, web-identity,
/// container, config, or none.</param>
/// <param name="Detail">What the source is made of (the file, the role and source profile, the SSO session), no secrets.</param>
/// <param name="MaskedAccessKeyId">The access key id, masked, when a static key is in effect.</param>
/// <param name="TokenExpiresAt">The cached SSO / login token's expiry, when the source has one.</param>
/// <param name="RefreshCommand">The command that refreshes that token.</param>
public sealed record CredentialsStatus(
    string Profile, string? ProfileSource, string Source, string? Detail, string? MaskedAccessKeyId, DateTimeOffset? TokenExpiresAt, string? RefreshCommand);

/// <param name="Account">The account id, when the call succeeded.</param>
/// <param name="Arn">The caller's ARN, when the call succeeded.</param>
/// <param name="Error">Why it could not be read (an error kind and the CLI's message), when it failed.</param>
public sealed record IdentityStatus(string? Account, string? Arn, string? Error);

/// <param name="Name">The region, or null when nothing names one.</param>
/// <param name="Source">The option, variable or profile it came from.</param>
public sealed record RegionStatus(string? Name, string? Source);

/// <param name="Rules">Each allow/deny rule as written, with where it was set.</param>
/// <param name="WorkingDirectory">AWS_MCP_WORKDIR, or null: a private temporary directory per process.</param>
/// <param name="AuditTargets">Where audit lines go (<c>stderr</c>, files); empty when off.</param>
public sealed record SafetyStatus(
    bool ReadOnly,
    string Consent,
    IReadOnlyList<RuleStatus> Rules,
    string? WorkingDirectory,
    IReadOnlyList<string> AuditTargets,
    bool RemoteEndpointsAllowed,
    int DefaultTimeoutSeconds,
    int MaxTimeoutSeconds,
    int OutputLimitCharacters,
    double CallsPerSecond,
    int MaxConcurrency,
    bool SignInAllowed = false);

/// <param name="Effect">allow or deny.</param>
public sealed record RuleStatus(string Effect, string Rule, string Source);

/// <param name="Mechanism">landlock, sandboxexec or none.</param>
/// <param name="Enabled">AWS_MCP_SANDBOX: whether containment is asked for.</param>
public sealed record ContainmentStatus(string Mechanism, bool Enabled, string Summary);
