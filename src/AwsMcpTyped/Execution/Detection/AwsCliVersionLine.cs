using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Detection;

/// <summary>What <c>aws --version</c> says (<c>aws-cli/1.45.11 Python/3.11.7 Linux/6.1 botocore/1.43.11</c>; v2 says
/// <c>exe/x86_64</c> or <c>source/x86_64</c> instead of botocore). The one prober of the CLI's version: run only when
/// reading files did not tell (<see cref="AwsCliDetector"/>).</summary>
public sealed partial record AwsCliVersionLine(Version Version, string? PythonVersion, string? BotocoreVersion)
{
    /// <summary>The version line in <paramref name="text"/>, or null when there is none.</summary>
    public static AwsCliVersionLine? Parse(string text)
    {
        var match = Line().Match(text);
        if (!match.Success || !Version.TryParse(match.Groups["version"].Value, out var version))
            return null;
        string? Group(string name) => match.Groups[name].Success ? match.Groups[name].Value : null;
        return new AwsCliVersionLine(version, Group("python"), Group("botocore"));
    }

    /// <summary>Runs <c>aws --version</c> once with the environment the CLI will get.</summary>
    internal static async Task<AwsCliVersionLine?> ProbeAsync(string executable, IReadOnlyDictionary<string, string?> environmentChanges) =>
        await ProbeProcess.RunAsync(executable, ["--version"], environmentChanges) is { } output ? Parse(output) : null;

    [GeneratedRegex(@"\baws-cli/(?<version>\d+\.\d+(\.\d+)?)(\S*)(\s+Python/(?<python>\S+))?(.*?\bbotocore/(?<botocore>\S+))?")]
    private static partial Regex Line();
}
