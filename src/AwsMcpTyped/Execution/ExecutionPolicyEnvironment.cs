using System.Globalization;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Policy.Audit;

namespace AwsMcpTyped.Execution;

/// <summary>The executor's settings from AWS_MCP_* variables (documented in the README's configuration table), for
/// awsmcp and for hosts that embed the library. A bad value is a <see cref="FormatException"/> (an
/// <see cref="ArgumentException"/> for AWS_MCP_WORKDIR) with the variable's name: a server must refuse to start
/// rather than run with a policy other than the one configured.</summary>
public static class ExecutionPolicyEnvironment
{
    public static ExecutionPolicy Read(bool readOnlyFlag = false) => new()
    {
        AllowNonLoopbackEndpoints = Flag("AWS_MCP_ALLOW_REMOTE_ENDPOINTS"),
        AllowSignIn = Flag("AWS_MCP_ALLOW_SIGN_IN"),
        DefaultTimeoutSeconds = Number("AWS_MCP_TIMEOUT") ?? ExecutionPolicy.Default.DefaultTimeoutSeconds,
        OutputLimitCharacters = Number("AWS_MCP_OUTPUT_LIMIT") ?? ExecutionPolicy.Default.OutputLimitCharacters,
        Safety = PolicyEnvironment.FromProcessEnvironment(readOnlyFlag),
        MaxConcurrency = Number("AWS_MCP_MAX_CONCURRENCY") ?? ExecutionPolicy.Default.MaxConcurrency,
        CallsPerSecond = Rate("AWS_MCP_RATE_LIMIT") ?? ExecutionPolicy.Default.CallsPerSecond,
        WorkingDirectory = WorkingDirectoryVariable(),
    };

    /// <summary>The executor with its audit log (AWS_MCP_AUDIT_LOG, else <paramref name="defaultAuditTarget"/>).</summary>
    public static CommandExecutor CreateExecutor(bool readOnlyFlag, string defaultAuditTarget)
    {
        _ = Sandbox.SandboxSettings.FromEnvironment(); // AWS_MCP_SANDBOX*, AWS_MCP_UNCONTAINED_FILTERS: a bad value stops the start
        return CommandExecutor.CreateDefault(Read(readOnlyFlag), OpenAuditLog(defaultAuditTarget));
    }

    /// <summary>The audit log AWS_MCP_AUDIT_LOG names, else <paramref name="defaultTarget"/> (stderr, off, files).</summary>
    public static AuditLog OpenAuditLog(string defaultTarget) =>
        AuditLog.Open(Environment.GetEnvironmentVariable(AuditLog.Variable) is { Length: > 0 } audit ? audit : defaultTarget, Console.Error);

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

    private static bool Flag(string name) => Environment.GetEnvironmentVariable(name) is "1" or "true" or "TRUE" or "True";

    private static int? Number(string name) =>
        Environment.GetEnvironmentVariable(name) is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new FormatException($"{name} must be a whole number above 0, not '{text}'.");

    private static double? Rate(string name) =>
        Environment.GetEnvironmentVariable(name) is not { Length: > 0 } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new FormatException($"{name} must be a number of calls per second (0 for no limit), not '{text}'.");
}
