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
    };

    private static int? Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : null;
}
