namespace AwsMcpTyped.Sandbox;

/// <summary>
/// Where an AWS CLI that lives outside the system directories is installed, so the sandboxed aws stage may read and
/// run it: a virtualenv (<c>~/venv/bin/aws</c> → <c>~/venv</c>), pyenv (<c>~/.pyenv/shims/aws</c> → <c>~/.pyenv</c>),
/// pip's user scheme (<c>~/.local/bin/aws</c> → <c>~/.local/bin</c> and <c>~/.local/lib</c>, never the rest of
/// ~/.local), and the same for the interpreter a <c>#!</c> line names. The home directory itself is never a root.
/// </summary>
internal static class CliInstallRoots
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), IReadOnlyList<string>> Cache = new();

    /// <summary>The roots for <paramref name="executable"/>, found once per process.</summary>
    public static IReadOnlyList<string> Find(string executable, string home) => Cache.GetOrAdd((executable, home), key => Search(key.Item1, key.Item2));

    private static IReadOnlyList<string> Search(string executable, string home)
    {
        var roots = new List<string>();
        var pending = new Queue<string>([executable]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0 && seen.Count < 8)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path))
                continue;
            roots.AddRange(PrefixOf(path, home));
            if (RealPath(path) is { } real && real != path)
                pending.Enqueue(real);
            if (Interpreter(path) is { } interpreter)
                pending.Enqueue(interpreter);
        }
        return roots.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The installation prefix of a program in <c>PREFIX/bin</c> (or <c>PREFIX/shims</c>), unless that is a
    /// system directory (already readable) or the home directory.</summary>
    private static IEnumerable<string> PrefixOf(string program, string home)
    {
        var directory = Path.GetDirectoryName(program);
        if (directory is null || IsSystem(directory))
            yield break;
        var prefix = Path.GetDirectoryName(directory);
        var local = Path.Combine(home, ".local");
        if (prefix == local)
        {
            yield return Path.Combine(local, "bin");
            yield return Path.Combine(local, "lib");
        }
        else if (prefix is null || prefix == home || prefix == "/" || !(Path.GetFileName(directory) is "bin" or "shims"))
            yield return directory;
        else
            yield return prefix;
    }

    private static bool IsSystem(string directory) =>
        directory is "/usr/bin" or "/bin" or "/usr/local/bin" or "/usr/sbin" or "/sbin" ||
        directory.StartsWith("/usr/", StringComparison.Ordinal) || directory.StartsWith("/opt/", StringComparison.Ordinal);

    private static string? RealPath(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The program a <c>#!</c> line runs (for <c>#!/usr/bin/env python3</c>, python3 found on PATH).</summary>
    private static string? Interpreter(string script)
    {
        try
        {
            using var reader = new StreamReader(script);
            var buffer = new char[256];
            var line = new string(buffer, 0, reader.ReadBlock(buffer)).Split('\n')[0];
            if (!line.StartsWith("#!", StringComparison.Ordinal))
                return null;
            var words = line[2..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                return null;
            return Path.GetFileName(words[0]) == "env" && words.Length > 1 ? Execution.Running.ExecutableLocator.Find(words[^1]) : words[0];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
