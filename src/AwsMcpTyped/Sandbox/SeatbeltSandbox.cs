using System.Diagnostics;
using System.Text;

namespace AwsMcpTyped.Sandbox;

/// <summary>
/// macOS: every stage starts as <c>/usr/bin/sandbox-exec -p PROFILE program args</c>, with a Seatbelt (SBPL) profile
/// built from the same <see cref="StageProfile"/> as Landlock's rules. Not tested by our CI (no macOS machines): the
/// profile follows Apple's own system profiles (/System/Library/Sandbox/Profiles), and a stage the profile breaks
/// fails closed. There is no parent-death signal on macOS; the stdin/stdout pipes end a filter when the server dies.
/// </summary>
public sealed class SeatbeltSandbox : StageSandbox
{
    private const string SandboxExec = "/usr/bin/sandbox-exec";
    private readonly SandboxSettings _settings;

    private SeatbeltSandbox(SandboxSettings settings)
    {
        _settings = settings;
        Containment = new Containment(ContainmentMechanism.SandboxExec, "sandbox-exec (Seatbelt)", settings.UncontainedFiltersAllowed);
    }

    public override Containment Containment { get; }

    public static SeatbeltSandbox? Create(SandboxSettings settings) => File.Exists(SandboxExec) ? new SeatbeltSandbox(settings) : null;

    public override ProcessStartInfo Contain(ProcessStartInfo start, bool isAws, StageScope scope)
    {
        var profile = isAws ? StageProfile.Aws(start.FileName, scope, _settings.CliPaths) : StageProfile.Filter;
        return Relaunch(start, SandboxExec, new[] { "-p", Render(profile, start.FileName), start.FileName }.Concat(start.ArgumentList));
    }

    /// <summary>SBPL: deny everything, then allow what the profile lists, and the exec of <paramref name="program"/>
    /// that sandbox-exec performs after applying the profile.</summary>
    public static string Render(StageProfile profile, string program)
    {
        var text = new StringBuilder("(version 1)\n(deny default)\n(import \"system.sb\")\n")
            .Append("(allow process-fork)\n(allow signal (target same-sandbox))\n(allow sysctl-read)\n")
            .Append("(allow file-read-metadata)\n(allow file-write-data (literal \"/dev/null\"))\n");
        Allow(text, "file-read*", profile.Read.Concat(profile.Execute));
        Allow(text, "process-exec", profile.Execute.Append(program));
        Allow(text, "file-read* file-write*", profile.Write);
        if (profile.Network)
            text.Append("(allow network-outbound)\n(allow system-socket)\n(allow mach-lookup)\n");
        return text.ToString();
    }

    private static void Allow(StringBuilder text, string operation, IEnumerable<string> paths)
    {
        var subpaths = paths.Select(p => $"(subpath \"{p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\")").ToList();
        if (subpaths.Count > 0)
            text.Append("(allow ").Append(operation).Append(' ').AppendJoin(' ', subpaths).Append(")\n");
    }
}
