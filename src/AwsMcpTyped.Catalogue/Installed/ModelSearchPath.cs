using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.Catalogue.Installed;

/// <summary>
/// botocore's Loader over several data folders: a service's API version is the latest any folder has, and each of its
/// files (service-2, paginators-1, waiters-2, examples-1) comes from the first folder that has it for that version.
/// </summary>
internal sealed class ModelSearchPath(IReadOnlyList<string> folders)
{
    public IReadOnlyList<string> Folders => folders;

    /// <summary>Every service some folder has a model of (one folder listing per data folder, no file read).</summary>
    public IReadOnlySet<string> ServiceNames() =>
        folders.Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(service => BotocoreDataDirectory.LatestVersionDirectory(service) is not null)
            .Select(Path.GetFileName).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The service's model as the CLI loads it, and the folder its service-2.json came from; null when no folder
    /// has it.</summary>
    public (BotocoreService Model, string Folder)? Load(string service)
    {
        var version = folders.Select(f => Path.Combine(f, service)).Where(Directory.Exists)
            .Select(BotocoreDataDirectory.LatestVersionDirectory).OfType<string>()
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).LastOrDefault();
        if (version is null)
            return null;
        var versionFolders = folders.Select(f => Path.Combine(f, service, version)).Where(Directory.Exists).ToList();
        var first = versionFolders.First(HasServiceModel);
        return (new BotocoreService(service, version,
            JsonFiles.ReadWithExtras(first, "service-2")!,
            Read(versionFolders, "paginators-1"),
            Read(versionFolders, "waiters-2"),
            Read(versionFolders, "examples-1")), Path.GetDirectoryName(Path.GetDirectoryName(first))!);
    }

    private static bool HasServiceModel(string versionFolder) =>
        File.Exists(Path.Combine(versionFolder, "service-2.json")) || File.Exists(Path.Combine(versionFolder, "service-2.json.gz"));

    private static System.Text.Json.Nodes.JsonObject? Read(IEnumerable<string> versionFolders, string type) =>
        versionFolders.Select(f => JsonFiles.ReadWithExtras(f, type)).FirstOrDefault(d => d is not null);
}
