using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution;

/// <summary>The installed CLI's major version, from <c>aws --version</c> (<c>aws-cli/1.45.11 Python/…</c>), asked once
/// per executable and process, and only when a call needs it (never at start-up: the probe costs a CLI start).</summary>
public static partial class AwsCliVersion
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, Lazy<Task<int?>>> Cache = new(StringComparer.Ordinal);

    /// <summary>The major version of <paramref name="executable"/>, or null when it does not say.</summary>
    public static Task<int?> MajorAsync(string executable) =>
        Cache.GetOrAdd(executable, path => new Lazy<Task<int?>>(() => ProbeAsync(path))).Value;

    /// <summary>The major version in a <c>--version</c> line, or null.</summary>
    public static int? Parse(string versionText) =>
        VersionLine().Match(versionText) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, out var major) ? major : null;

    private static async Task<int?> ProbeAsync(string executable)
    {
        try
        {
            var start = new ProcessStartInfo(executable, ["--version"])
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            };
            using var process = Process.Start(start);
            if (process is null)
                return null;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync(); // v1 before 1.18 printed its version to stderr
            using var deadline = new CancellationTokenSource(ProbeTimeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return Parse(await output + "\n" + await error);
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\baws-cli/(\d+)\.")]
    private static partial Regex VersionLine();
}
