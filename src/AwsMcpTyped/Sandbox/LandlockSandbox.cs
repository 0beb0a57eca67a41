using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AwsMcpTyped.Sandbox;

/// <summary>
/// Linux: every stage starts as <c>awsmcp-sandbox [profile] -- program args</c>. The launcher (native, built from
/// <c>Sandbox/Native/awsmcp-sandbox.c</c>) sets a parent-death signal, no-new-privileges, Landlock rules from the
/// stage's <see cref="StageProfile"/> and a seccomp filter, then execs the program. Landlock needs no privileges and
/// works inside a default Docker container; the launcher adds well under a millisecond per stage.
/// </summary>
public sealed class LandlockSandbox : StageSandbox
{
    public const string LauncherName = "awsmcp-sandbox";

    private readonly string _launcher;
    private readonly SandboxSettings _settings;
    private readonly string[] _filterArguments;

    private LandlockSandbox(string launcher, int abi, SandboxSettings settings)
    {
        _launcher = launcher;
        _settings = settings;
        Containment = new Containment(ContainmentMechanism.Landlock, $"Landlock ABI {abi} and seccomp, by {launcher}", settings.UncontainedFiltersAllowed);
        _filterArguments = Arguments(StageProfile.Filter);
    }

    public override Containment Containment { get; }

    /// <summary>The sandbox, or why there is none here: no launcher, or a kernel (or container) without Landlock.</summary>
    public static (LandlockSandbox? Sandbox, string? Problem) Create(SandboxSettings settings)
    {
        var launcher = settings.Launcher ?? FindLauncher();
        if (launcher is null)
            return (null, $"the {LauncherName} launcher was not found next to the AwsMcpTyped library (build it with a C compiler, or set {SandboxSettings.LauncherVariable})");
        var (abi, problem) = Probe(launcher);
        return problem is null ? (new LandlockSandbox(launcher, abi, settings), null) : (null, problem);
    }

    public override ProcessStartInfo Contain(ProcessStartInfo start, bool isAws, StageScope scope)
    {
        var profile = isAws ? Arguments(StageProfile.Aws(start.FileName, scope, _settings.CliPaths)) : _filterArguments;
        return Relaunch(start, _launcher, profile.Append("--").Append(start.FileName).Concat(start.ArgumentList));
    }

    private static string[] Arguments(StageProfile profile)
    {
        var arguments = new List<string> { "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!profile.Network)
            arguments.Add("-n");
        if (profile.SingleProcess)
            arguments.Add("-s");
        foreach (var (flag, paths) in new[] { ("-r", profile.Read), ("-x", profile.Execute), ("-w", profile.Write) })
        {
            foreach (var path in paths)
                arguments.AddRange([flag, path]);
        }
        return [.. arguments];
    }

    /// <summary>Runs the launcher confined by the filter profile, executing itself with <c>--probe</c>: this proves that
    /// Landlock and seccomp can be applied here (a container's seccomp policy may refuse them) and reads the ABI.</summary>
    private static (int Abi, string? Problem) Probe(string launcher)
    {
        var start = new ProcessStartInfo(launcher) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", "--", launcher, "--probe" })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = new Process { StartInfo = start };
            Execution.Running.ProcessSpawner.StartAsync(process).GetAwaiter().GetResult(); // its parent-death signal needs a thread that stays
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                return (0, $"the kernel refused the sandbox: {error.Trim()}");
            var abi = int.TryParse(output.Split(' ')[0].Replace("landlock=", "", StringComparison.Ordinal), out var value) ? value : 0;
            return abi >= 1 ? (abi, null) : (0, "the kernel has no Landlock (Linux 5.13 or later with Landlock enabled is needed)");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return (0, $"{launcher} cannot be started: {error.Message}");
        }
    }

    /// <summary>Next to this library (a build or the .NET tool) or in its NuGet runtimes folder. NuGet does not keep the
    /// executable bit, so it is set when missing.</summary>
    private static string? FindLauncher()
    {
        var directory = Path.GetDirectoryName(typeof(LandlockSandbox).Assembly.Location) is { Length: > 0 } location ? location : AppContext.BaseDirectory;
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        foreach (var candidate in new[]
                 {
                     Path.Combine(directory, LauncherName),
                     Path.Combine(directory, "runtimes", $"linux-{architecture}", "native", LauncherName),
                     Path.Combine(AppContext.BaseDirectory, LauncherName),
                 })
        {
            if (!File.Exists(candidate))
                continue;
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) == 0)
            {
                try
                {
                    File.SetUnixFileMode(candidate, File.GetUnixFileMode(candidate) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
            }
            return candidate;
        }
        return null;
    }
}
