namespace AwsMcpTyped.Tests.Support;

/// <summary>Reads /proc to find live processes by an argument, to prove a process tree is gone.</summary>
internal static class ProcessTable
{
    public static IReadOnlyList<int> WithArgument(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
                continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                var state = File.ReadAllText(Path.Combine(directory, "stat"));
                var zombie = state.Length > state.LastIndexOf(')') + 2 && state[state.LastIndexOf(')') + 2] == 'Z';
                if (commandLine.Contains(marker, StringComparison.Ordinal) && !zombie)
                    found.Add(pid);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
