using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// Turns a path as the CLI would see it into the real absolute path it would open: <c>~</c> and <c>~user</c>
/// expanded as Python's os.path.expanduser does, relative paths joined to the working directory (the CLI's current
/// directory), then every symlink and <c>..</c> resolved component by component as the kernel would. Parts that do
/// not exist yet (a file about to be written) are kept as written, below their deepest existing ancestor.
/// </summary>
internal static partial class LocalPath
{
    private const int MaxSymlinks = 40; // Linux's own limit (ELOOP)

    /// <summary>Forms the CLI would expand (os.path.expandvars on file:// and blob paths; %VAR% on Windows): we refuse
    /// them rather than guess the CLI's environment.</summary>
    [GeneratedRegex(@"%[^%/\\]+%")]
    private static partial Regex PercentVariable();

    /// <summary>The real path, or why the value cannot be checked (it is then refused).</summary>
    public static (string? RealPath, string? Problem) Resolve(string value, string baseDirectory)
    {
        if (value.Length == 0)
            return (null, "is empty");
        if (value.Contains('\0'))
            return (null, "contains a NUL character");
        if (value.Contains('$'))
            return (null, "contains '$': the CLI would expand it as an environment variable ($HOME, ${HOME}); write the path itself");
        if (PercentVariable().IsMatch(value))
            return (null, "contains a %VARIABLE% form; write the path itself");
        var (expanded, userProblem) = ExpandUser(value);
        if (expanded is null)
            return (null, userProblem);
        var absolute = Path.IsPathRooted(expanded) ? expanded : Path.Join(baseDirectory, expanded);
        var real = Real(absolute);
        return real is null ? (null, "has too many levels of symbolic links") : (real, null);
    }

    /// <summary>As posixpath.expanduser: <c>~</c> is $HOME, <c>~name</c> that user's home directory. A user we cannot
    /// look up (not in /etc/passwd, e.g. from LDAP) is refused: the CLI might still expand it.</summary>
    private static (string? Path, string? Problem) ExpandUser(string value)
    {
        if (!value.StartsWith('~'))
            return (value, null);
        var slash = value.IndexOf('/');
        var end = slash < 0 ? value.Length : slash;
        string? home;
        if (end == 1)
        {
            home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
                return (null, "starts with '~' but HOME is not set");
        }
        else
        {
            home = HomeOf(value[1..end]);
            if (home is null)
                return (null, $"starts with '~{value[1..end]}', a user whose home directory cannot be looked up here");
        }
        home = home.TrimEnd('/');
        var result = home + value[end..];
        return (result.Length == 0 ? "/" : result, null);
    }

    private static string? HomeOf(string user)
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/passwd"))
            {
                var fields = line.Split(':');
                if (fields.Length >= 6 && fields[0] == user)
                    return fields[5];
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>realpath(3) that tolerates a missing tail; null on a symlink loop. A missing component followed by
    /// <c>..</c> is resolved lexically, which is where makedirs would put it.</summary>
    public static string? Real(string absolute)
    {
        var pending = new List<string>(Split(absolute));
        var current = "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            var next = Path.Join(current, part);
            // Every component is looked at (lstat), also below a missing one: "new/../link" reaches the link
            // once makedirs has created "new".
            var target = LinkTarget(next);
            if (target is not null)
            {
                if (++links > MaxSymlinks)
                    return null;
                pending.InsertRange(0, Split(target));
                if (target.StartsWith('/'))
                    current = "/";
                continue;
            }
            current = next;
        }
        return current;
    }

    public static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool IsInside(string realPath, string realRoot) =>
        realRoot == "/" || realPath == realRoot || realPath.StartsWith(realRoot + "/", StringComparison.Ordinal);

    private static string[] Split(string path) => path.Split('/');
}
