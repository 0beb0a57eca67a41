namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// A botocore <c>data</c> folder (the installed package's or our vendored <c>botocore-data/</c>):
/// one folder per service, one sub-folder per API version; the latest version is the ordinal maximum,
/// as botocore's Loader chooses it.
/// </summary>
internal sealed class BotocoreDataDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public IReadOnlyList<string> ServiceNames() =>
        Directory.EnumerateDirectories(Root)
            .Where(dir => LatestVersionDirectory(dir) is not null)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string? LatestVersionDirectory(string serviceDirectory) =>
        Directory.EnumerateDirectories(serviceDirectory)
            .Where(dir => File.Exists(Path.Combine(dir, "service-2.json.gz")) || File.Exists(Path.Combine(dir, "service-2.json")))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();

    public BotocoreService Load(string service)
    {
        var versionDir = LatestVersionDirectory(Path.Combine(Root, service))
            ?? throw new InvalidDataException($"{service}: no service-2.json in {Root}");
        return new BotocoreService(
            service,
            Path.GetFileName(versionDir),
            JsonFiles.ReadWithExtras(versionDir, "service-2")!,
            JsonFiles.ReadWithExtras(versionDir, "paginators-1"),
            JsonFiles.ReadWithExtras(versionDir, "waiters-2"),
            JsonFiles.ReadWithExtras(versionDir, "examples-1"));
    }

    /// <summary>The botocore version: our VERSION file, or the installed package's <c>__init__.py</c>.</summary>
    public string? Version()
    {
        var versionFile = Path.Combine(Root, "VERSION");
        if (File.Exists(versionFile))
            return File.ReadAllText(versionFile).Trim();
        var init = Path.Combine(Root, "..", "__init__.py");
        if (!File.Exists(init))
            return null;
        foreach (var line in File.ReadLines(init))
        {
            if (line.StartsWith("__version__", StringComparison.Ordinal))
                return line.Split('=', 2)[1].Trim().Trim('\'', '"');
        }
        return null;
    }
}
