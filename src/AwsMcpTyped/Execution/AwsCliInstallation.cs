using System.Collections.Concurrent;
using AwsMcpTyped.Execution.Detection;
using AwsMcpTyped.Execution.Running;

namespace AwsMcpTyped.Execution;

/// <summary>Where the AWS CLI is: AWS_MCP_AWS_CLI if set, else <c>aws</c> on PATH. <see cref="Detect"/> only finds the
/// file (it is on the start-up path); <see cref="DetectAsync(CancellationToken)"/> finds out what it is, once.</summary>
public sealed record AwsCliInstallation(string? Path)
{
    public const string PathVariable = "AWS_MCP_AWS_CLI";

    private static readonly IReadOnlyDictionary<string, string?> NoChanges = new Dictionary<string, string?>();

    /// <summary>One detection per executable and environment for the whole process, shared by concurrent callers.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<AwsCliInfo?>>> Detections = new(StringComparer.Ordinal);

    public bool IsInstalled => Path is not null;

    /// <summary>Variables every aws stage gets, over the host's: without a terminal, AWS CLI v2 would pipe its output
    /// through a pager (<c>less</c>) and wait, and with auto-prompt configured it would open an interactive prompt and
    /// wait. v1 reads neither.</summary>
    public static IReadOnlyDictionary<string, string?> NonInteractiveEnvironment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["AWS_PAGER"] = "",
        ["AWS_CLI_AUTO_PROMPT"] = "off",
    };

    /// <summary>The executable AWS_MCP_AWS_CLI names, else <c>aws</c> on PATH; starts nothing.</summary>
    public static AwsCliInstallation Detect()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        return new AwsCliInstallation(string.IsNullOrWhiteSpace(configured) ? ExecutableLocator.Find("aws") : ExecutableLocator.Find(configured));
    }

    /// <summary>What this CLI is (version, dialect, install kind, models folder), detected once per process; null when
    /// none is installed or it does not say its version. Cancelling waits no longer but does not stop the detection,
    /// which other callers may share.</summary>
    public Task<AwsCliInfo?> DetectAsync(CancellationToken cancellationToken) => DetectAsync(NoChanges, cancellationToken);

    /// <summary>As <see cref="DetectAsync(CancellationToken)"/> for a CLI run with <paramref name="environmentChanges"/> applied to
    /// this process's environment (null removes a variable): PYTHONPATH, for one, decides which awscli a Python CLI runs.</summary>
    public Task<AwsCliInfo?> DetectAsync(IReadOnlyDictionary<string, string?> environmentChanges, CancellationToken cancellationToken)
    {
        if (Path is not { } path)
            return Task.FromResult<AwsCliInfo?>(null);
        var key = path + "\0" + string.Join("\0", environmentChanges.OrderBy(change => change.Key, StringComparer.Ordinal).Select(change => $"{change.Key}={change.Value}"));
        var changes = new Dictionary<string, string?>(environmentChanges, StringComparer.Ordinal);
        // The detection runs on its own, without the caller's token: one caller giving up must not fail it for the others.
        var detection = Detections.GetOrAdd(key, _ => new Lazy<Task<AwsCliInfo?>>(() => Task.Run(() => DetectSafelyAsync(path, changes)))).Value;
        return detection.WaitAsync(cancellationToken);
    }

    private static async Task<AwsCliInfo?> DetectSafelyAsync(string path, IReadOnlyDictionary<string, string?> environmentChanges)
    {
        try
        {
            return await AwsCliDetector.DetectAsync(path, environmentChanges);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // an unreadable installation reads as one that does not say what it is
        }
    }

    public const string InstallHint =
        "The AWS CLI is not installed on the server (no 'aws' on PATH). Install it (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html, " +
        "or pip install awscli) or set AWS_MCP_AWS_CLI to its path, then restart the server.";
}
