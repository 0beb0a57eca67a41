using System.Collections.Concurrent;

namespace AwsMcpTyped.Execution.Running;

/// <summary>Finds programs on PATH once (as a shell would, but without one), so a stage is started by full path.</summary>
public static class ExecutableLocator
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    public static string? Find(string program) => Cache.GetOrAdd(program, Search);

    private static string? Search(string program)
    {
        if (program.Contains('/'))
            return File.Exists(program) ? program : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || IsExecutable(candidate)))
                return candidate;
        }
        return null;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string path) =>
        (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
