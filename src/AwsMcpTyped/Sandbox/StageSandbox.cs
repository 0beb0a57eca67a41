using System.Diagnostics;

namespace AwsMcpTyped.Sandbox;

/// <summary>What a stage needs from the machine, besides its own program: the profile a sandbox builds from.</summary>
/// <param name="WorkingDirectory">The only directory the aws stage may write (and every stage's current directory).</param>
/// <param name="AwsEnvironment">The aws stage's environment changes, null for a removed variable (AWS_CONFIG_FILE and
/// the like name files it reads).</param>
public sealed record StageScope(string? WorkingDirectory, IReadOnlyDictionary<string, string?> AwsEnvironment);

/// <summary>
/// Contains every process the executor starts, at the kernel: the argument checks are the first line, this is the
/// boundary. A filter may read only its program and libraries, with no network, no other program and an empty
/// environment; the aws stage may write only the working directory and its own caches. Chosen once per process:
/// Landlock on Linux, sandbox-exec on macOS, else <see cref="Uncontained"/> (and awk, sed, jq are refused unless the
/// operator allows them, see <see cref="Containment.RefusalFor"/>).
/// </summary>
public abstract class StageSandbox
{
    private static readonly Lazy<StageSandbox> s_detected = new(() => Detect(SandboxSettings.FromEnvironment()));

    /// <summary>What this sandbox protects, said plainly.</summary>
    public abstract Containment Containment { get; }

    /// <summary>The start of <paramref name="start"/> (an absolute program path and its arguments) inside the
    /// sandbox: usually the launcher with the profile, then the program.</summary>
    public abstract ProcessStartInfo Contain(ProcessStartInfo start, bool isAws, StageScope scope);

    /// <summary>The sandbox for this machine and the process's settings (AWS_MCP_SANDBOX, AWS_MCP_SANDBOX_PATHS,
    /// AWS_MCP_UNCONTAINED_FILTERS), detected once.</summary>
    public static StageSandbox Default => s_detected.Value;

    /// <summary>The best containment available with <paramref name="settings"/>.</summary>
    public static StageSandbox Detect(SandboxSettings settings)
    {
        if (!settings.Enabled)
            return new Uncontained($"turned off by {SandboxSettings.EnabledVariable}=off", settings.UncontainedFiltersAllowed);
        if (OperatingSystem.IsLinux())
        {
            var (landlock, problem) = LandlockSandbox.Create(settings);
            return (StageSandbox?)landlock ?? new Uncontained(problem!, settings.UncontainedFiltersAllowed);
        }
        if (OperatingSystem.IsMacOS())
            return SeatbeltSandbox.Create(settings) is { } seatbelt ? seatbelt : new Uncontained("sandbox-exec was not found", settings.UncontainedFiltersAllowed);
        return new Uncontained($"no kernel sandbox is implemented for {System.Runtime.InteropServices.RuntimeInformation.OSDescription}", settings.UncontainedFiltersAllowed);
    }

    /// <summary>No containment: stages start as they are.</summary>
    public sealed class Uncontained(string reason, bool uncontainedFiltersAllowed = false) : StageSandbox
    {
        public override Containment Containment { get; } = new(ContainmentMechanism.None, reason, uncontainedFiltersAllowed);

        public override ProcessStartInfo Contain(ProcessStartInfo start, bool isAws, StageScope scope) => start;
    }

    /// <summary>A copy of <paramref name="start"/> that runs <paramref name="program"/> with <paramref name="arguments"/>
    /// (the same streams, directory and environment).</summary>
    protected static ProcessStartInfo Relaunch(ProcessStartInfo start, string program, IEnumerable<string> arguments)
    {
        var contained = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = start.RedirectStandardInput,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            WorkingDirectory = start.WorkingDirectory,
        };
        foreach (var argument in arguments)
            contained.ArgumentList.Add(argument);
        contained.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            if (value is not null)
                contained.Environment[name] = value;
        }
        return contained;
    }
}
