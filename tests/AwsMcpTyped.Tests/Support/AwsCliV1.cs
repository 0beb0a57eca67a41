using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;

namespace AwsMcpTyped.Tests.Support;

/// <summary>
/// The AWS CLI v1 first on PATH (pip's awscli 1.45.11 on every machine of this kind), for tests of what v1 itself does
/// (its precedence, its URL fetching, its <c>@=</c> shorthand, YAML converted by the server). Unlike
/// <see cref="AwsCliInstallation.Detect"/> it does not follow AWS_MCP_AWS_CLI, which the suite's second pass points at
/// AWS CLI v2 (<see cref="InstalledAwsCli"/>).
/// </summary>
public static class AwsCliV1
{
    public static string Executable => ExecutableLocator.Find("aws") ?? throw new InvalidOperationException("AWS CLI v1 is not on PATH");

    public static AwsCliInstallation Installation => new(Executable);
}

/// <summary>The CLI the suite runs as "the installed one" (AWS_MCP_AWS_CLI, else <c>aws</c> on PATH): what tests that hold
/// for both versions run on, and where the versions differ by design, what they expect.</summary>
public static class InstalledAwsCli
{
    /// <summary>The trait of test classes whose outcome depends on the installed CLI: test.sh runs them a second time
    /// with AWS CLI v2 as the installed one.</summary>
    public const string Category = "InstalledCli";

    private static readonly Lazy<int> s_major = new(() =>
        AwsCliInstallation.Detect().DetectAsync(CancellationToken.None).GetAwaiter().GetResult()?.Major ?? 1);

    /// <summary>1 or 2.</summary>
    public static int Major => s_major.Value;

    /// <summary>The exit code of a call the service refused: v1 exits 255; v2 254 (255 is v2's for its own errors).</summary>
    public static int ServiceErrorExitCode => Major == 1 ? 255 : 254;
}
