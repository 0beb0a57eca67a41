namespace AwsMcpTyped.ModelCompiler.Emit;

/// <summary>
/// Writes generated files only when their content changed, so MSBuild and the incremental generator see
/// unchanged inputs as unchanged; removes files of services that no longer exist.
/// </summary>
internal sealed class OutputDirectory(string path)
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public bool Write(string fileName, byte[] content)
    {
        var target = System.IO.Path.Combine(Path, fileName);
        lock (_written)
            _written.Add(target);
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(content))
            return false;
        File.WriteAllBytes(target, content);
        return true;
    }

    public void Prepare() => Directory.CreateDirectory(Path);

    public int RemoveStale(params string[] patterns)
    {
        var removed = 0;
        foreach (var pattern in patterns)
        {
            foreach (var file in Directory.EnumerateFiles(Path, pattern))
            {
                if (!_written.Contains(file))
                {
                    File.Delete(file);
                    removed++;
                }
            }
        }
        return removed;
    }
}
