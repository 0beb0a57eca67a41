using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Cli.Commands;

/// <summary>The executor's settings from AWS_MCP_* variables (documented in the README).</summary>
internal static class ExecutionPolicyFromEnvironment
{
    public static ExecutionPolicy Read() => new()
    {
        AllowNonLoopbackEndpoints = Environment.GetEnvironmentVariable("AWS_MCP_ALLOW_REMOTE_ENDPOINTS") is "1" or "true" or "TRUE" or "True",
        DefaultTimeoutSeconds = Number("AWS_MCP_TIMEOUT") ?? ExecutionPolicy.Default.DefaultTimeoutSeconds,
        OutputLimitCharacters = Number("AWS_MCP_OUTPUT_LIMIT") ?? ExecutionPolicy.Default.OutputLimitCharacters,
        WorkingDirectory = WorkingDirectoryVariable(),
    };

    /// <summary>AWS_MCP_WORKDIR must name an existing directory: a typo must not silently widen or move the
    /// place where commands read and write files.</summary>
    private static string? WorkingDirectoryVariable()
    {
        var value = Environment.GetEnvironmentVariable("AWS_MCP_WORKDIR");
        if (string.IsNullOrEmpty(value))
            return null;
        if (!Directory.Exists(value))
        {
            throw new ArgumentException(
                $"AWS_MCP_WORKDIR='{value}' is not an existing directory. Create it, or unset AWS_MCP_WORKDIR to use a private temporary directory.");
        }
        return Path.GetFullPath(value);
    }

    private static int? Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : null;
}
