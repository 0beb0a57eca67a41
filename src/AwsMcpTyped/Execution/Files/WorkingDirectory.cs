namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// The one directory where commands may read and write local files. The CLI runs with it as its current directory,
/// so a relative path means the same file to our check and to the CLI. It is compared by its real path, so a
/// configured path that is itself a symlink still works.
/// </summary>
public sealed class WorkingDirectory
{
    private static readonly Lazy<WorkingDirectory> s_temporary = new(CreateTemporary);

    private WorkingDirectory(string path, string realPath)
    {
        Path = path;
        RealPath = realPath;
    }

    /// <summary>As configured (absolute): the aws process's current directory.</summary>
    public string Path { get; }

    /// <summary>With every symlink resolved: what paths are compared against.</summary>
    public string RealPath { get; }

    /// <summary>The configured directory, or (null) this process's private temporary one.</summary>
    public static WorkingDirectory For(string? configured) => configured is null ? s_temporary.Value : Open(configured);

    /// <summary>An existing directory; anything else is a configuration error, reported at start.</summary>
    public static WorkingDirectory Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"The working directory '{path}' does not exist or is not a directory.");
        var real = LocalPath.Real(full) ?? throw new IOException($"The working directory '{path}' has a symbolic link loop.");
        return new WorkingDirectory(full, real);
    }

    /// <summary>Resolves a path argument as the CLI would open it from here: (real path, null) or (null, problem).</summary>
    public (string? RealPath, string? Problem) Resolve(string value) => LocalPath.Resolve(value, RealPath);

    public bool Contains(string realPath) => LocalPath.IsInside(realPath, RealPath);

    /// <summary>At exit: removes this process's temporary directory if it was created and is still empty, so that
    /// every run does not leave an <c>awsmcp-*</c> directory behind. A configured directory (AWS_MCP_WORKDIR) is never
    /// touched, and a temporary one holding files (downloads the user may still want) is kept.</summary>
    public static void RemoveTemporaryIfEmpty()
    {
        if (!s_temporary.IsValueCreated)
            return;
        try
        {
            Directory.Delete(s_temporary.Value.Path, recursive: false); // fails, as it should, when not empty
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>mkdtemp: mode 0700, so other local users cannot plant files or symlinks in it.</summary>
    private static WorkingDirectory CreateTemporary()
    {
        var directory = Directory.CreateTempSubdirectory("awsmcp-");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Open(directory.FullName);
    }

    public override string ToString() => Path;
}
