using AwsMcpTyped.Execution.Running;

namespace AwsMcpTyped.Execution;

/// <summary>Where the AWS CLI is: AWS_MCP_AWS_CLI if set, else <c>aws</c> on PATH. Detected once at startup.</summary>
public sealed record AwsCliInstallation(string? Path)
{
    public const string PathVariable = "AWS_MCP_AWS_CLI";

    public bool IsInstalled => Path is not null;

    /// <summary>Variables every aws stage gets, over the host's: without a terminal, AWS CLI v2 would pipe its output
    /// through a pager (<c>less</c>) and wait, and with auto-prompt configured it would open an interactive prompt and
    /// wait. v1 reads neither.</summary>
    public static IReadOnlyDictionary<string, string?> NonInteractiveEnvironment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["AWS_PAGER"] = "",
        ["AWS_CLI_AUTO_PROMPT"] = "off",
    };

    public static AwsCliInstallation Detect()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        return new AwsCliInstallation(string.IsNullOrWhiteSpace(configured) ? ExecutableLocator.Find("aws") : ExecutableLocator.Find(configured));
    }

    public const string InstallHint =
        "The AWS CLI is not installed on the server (no 'aws' on PATH). Install it (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html, " +
        "or pip install awscli) or set AWS_MCP_AWS_CLI to its path, then restart the server.";
}
