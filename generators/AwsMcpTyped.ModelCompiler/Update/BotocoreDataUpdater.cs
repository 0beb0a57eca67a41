using System.Diagnostics;
using System.IO.Compression;
using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.ModelCompiler.Update;

/// <summary>
/// Refreshes <c>botocore-data/</c> from an installed botocore (or any botocore <c>data</c> folder): the latest
/// API version of every service with the files the catalogue reads, compressed as botocore ships them, plus
/// endpoints.json and partitions.json, then reports which services and operations were added, removed or changed.
/// </summary>
internal sealed class BotocoreDataUpdater(TextWriter output)
{
    /// <summary>The per-version files we keep; endpoint rule sets are not needed for the catalogue.</summary>
    private static readonly string[] ServiceFiles =
    [
        "service-2.json.gz", "service-2.sdk-extras.json", "paginators-1.json", "paginators-1.sdk-extras.json",
        "waiters-2.json", "examples-1.json",
    ];

    private static readonly string[] TopLevelFiles = ["endpoints.json", "partitions.json"];

    public int Update(string? from, string to)
    {
        from ??= LocateInstalledBotocore();
        if (from is null || !Directory.Exists(from))
        {
            output.WriteLine("error: no botocore data folder found; pass --from <path to botocore/data>");
            return 1;
        }
        var source = new BotocoreDataDirectory(from);
        var version = source.Version() ?? "unknown";
        Directory.CreateDirectory(to);
        var target = new BotocoreDataDirectory(to);
        var before = Snapshot(target);

        var sourceServices = source.ServiceNames();
        foreach (var service in sourceServices)
            CopyService(source.Root, target.Root, service);
        foreach (var stale in Directory.EnumerateDirectories(target.Root).Select(Path.GetFileName).Except(sourceServices).ToList())
            Directory.Delete(Path.Combine(target.Root, stale!), recursive: true);
        foreach (var file in TopLevelFiles.Where(f => File.Exists(Path.Combine(source.Root, f))))
            File.Copy(Path.Combine(source.Root, file), Path.Combine(target.Root, file), overwrite: true);
        File.WriteAllText(Path.Combine(target.Root, "VERSION"), version + "\n");

        var after = Snapshot(target);
        new ModelChangeReport(before, after).Print(output);
        output.WriteLine($"botocore-data is now botocore {version}: {after.Count} services, {after.Values.Sum(s => s.Count)} operations.");
        return 0;
    }

    private static void CopyService(string sourceRoot, string targetRoot, string service)
    {
        var versionDir = BotocoreDataDirectory.LatestVersionDirectory(Path.Combine(sourceRoot, service))!;
        var targetService = Path.Combine(targetRoot, service);
        var targetVersion = Path.Combine(targetService, Path.GetFileName(versionDir));
        if (Directory.Exists(targetService))
        {
            foreach (var old in Directory.EnumerateDirectories(targetService).Where(d => d != targetVersion))
                Directory.Delete(old, recursive: true);
        }
        Directory.CreateDirectory(targetVersion);
        foreach (var file in ServiceFiles)
        {
            var sourceFile = Path.Combine(versionDir, file);
            var targetFile = Path.Combine(targetVersion, file);
            if (File.Exists(sourceFile))
                File.Copy(sourceFile, targetFile, overwrite: true);
            else if (file.EndsWith(".gz", StringComparison.Ordinal) && File.Exists(sourceFile[..^3]))
                Compress(sourceFile[..^3], targetFile); // e.g. Debian's awscli ships plain JSON
            else if (File.Exists(targetFile))
                File.Delete(targetFile);
        }
    }

    private static void Compress(string sourceFile, string targetFile)
    {
        using var input = File.OpenRead(sourceFile);
        using var file = File.Create(targetFile);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        input.CopyTo(gzip);
    }

    private static Dictionary<string, SortedDictionary<string, string>> Snapshot(BotocoreDataDirectory data)
    {
        var services = data.ServiceNames();
        var snapshot = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        Parallel.ForEach(services, service =>
        {
            var fingerprints = ServiceFingerprint.Operations(data.Load(service));
            lock (snapshot)
                snapshot[service] = fingerprints;
        });
        return snapshot;
    }

    /// <summary>Asks the python3 on PATH where its botocore lives.</summary>
    private static string? LocateInstalledBotocore()
    {
        try
        {
            var start = new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var path = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && path.Length > 0 ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
