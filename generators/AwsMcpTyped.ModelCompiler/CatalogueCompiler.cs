using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue.Building;
using AwsMcpTyped.ModelCompiler.Dialects;
using AwsMcpTyped.ModelCompiler.Emit;

namespace AwsMcpTyped.ModelCompiler;

/// <summary>
/// botocore-data + checked-in CLI and access data → one <c>.svcmodel</c> (for the generator) and one
/// <c>.detail.br</c> (embedded) per top-level CLI command. Every CLI version's tables are built by the same steps
/// (<see cref="CliDialectData"/>) and merged per top-level command (<see cref="DialectMerger"/>); each botocore
/// model is read once and its detail document built once, whatever the number of versions.
/// </summary>
internal sealed class CatalogueCompiler(TextWriter log)
{
    public int Run(string botocoreDataDir, string dataDir, string outDir)
    {
        var clock = Stopwatch.StartNew();
        var data = new BotocoreDataDirectory(botocoreDataDir);
        var access = AccessClassifier.Load(dataDir);
        var dialects = CliDialectData.LoadAll(dataDir);
        // Details describe botocore operations, shapes and waiters, the same for both versions: v1's names.
        var details = new DetailBuilder(XformName.Load(dataDir));
        var output = new OutputDirectory(outDir);
        output.Prepare();
        // The data the run-time overlay reads the installed CLI's models with (optional files only where they exist).
        foreach (var path in CatalogueDataFiles.RunTimeFiles.Where(p => File.Exists(Path.Combine(dataDir, p))))
            output.Write(CatalogueDataFiles.FlatFileName(path), DetailWriter.Compress(File.ReadAllBytes(Path.Combine(dataDir, path)), path));

        // Each version's own tables (aliases copy them), and the merged ones that are written.
        var perDialect = dialects.ToDictionary(d => d.Dialect, _ => new ConcurrentDictionary<string, ServiceDescriptor>(StringComparer.Ordinal));
        var services = new ConcurrentDictionary<string, ServiceDescriptor>(StringComparer.Ordinal);
        var endpointPrefixes = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        Parallel.ForEach(data.ServiceNames(), botocoreName =>
        {
            var service = data.Load(botocoreName);
            var sensitive = new SensitiveShapes(service);
            var built = dialects.Select(d => (Data: d, Service: d.ModelService(service, access)))
                .Where(b => b.Service is not null).Select(b => (b.Data, Service: b.Service!)).ToList();
            foreach (var version in built.GroupBy(b => b.Service.Descriptor.Name, StringComparer.Ordinal))
            {
                var cliName = version.Key;
                foreach (var (dialect, dialectService) in version)
                    perDialect[dialect.Dialect][cliName] = dialectService.Descriptor;
                var prefix = (string?)service.Metadata["endpointPrefix"] ?? botocoreName;
                lock (endpointPrefixes)
                    endpointPrefixes.GetOrAdd(prefix, _ => []).Add(cliName);
                var detail = details.Build(service, cliName, sensitive);
                foreach (var (dialect, dialectService) in version)
                    dialect.AddDetails(cliName, detail, dialectService.RemovedCommands);
                var descriptor = Merge(access, version.Select(v => (v.Data.Dialect, v.Service.Descriptor)).ToList());
                Emit(output, descriptor, detail);
                services[cliName] = descriptor;
            }
        });

        // Aliases share their target's detail, so only their command table is written.
        foreach (var alias in MergeByName(access, dialects.SelectMany(d => d.Aliases(perDialect[d.Dialect]).Select(s => (d, s)))))
        {
            output.Write(alias.Name + ".svcmodel", Encoding.UTF8.GetBytes(ServiceModelWriter.Write(alias)));
            services[alias.Name] = alias;
            foreach (var dialect in dialects.Where(d => (alias.Dialects & d.Dialect) != 0))
                perDialect[dialect.Dialect][alias.Name] = alias.For(dialect.Dialect);
        }

        foreach (var descriptor in MergeByName(access, dialects.SelectMany(d => d.CustomOnlyServices(perDialect[d.Dialect], access).Select(s => (d, s)))))
        {
            var detail = new ServiceDetail
            {
                Name = descriptor.Name,
                FullName = descriptor.FullName,
                Documentation = dialects.Select(d => d.Customizations.Overview(descriptor.Name)).FirstOrDefault(o => o is not null),
            };
            foreach (var dialect in dialects)
                dialect.AddDetails(descriptor.Name, detail, null);
            Emit(output, descriptor, detail);
            services[descriptor.Name] = descriptor;
        }

        if (File.Exists(Path.Combine(botocoreDataDir, "endpoints.json")))
        {
            var regions = RegionListBuilder.Build(botocoreDataDir, dataDir, endpointPrefixes);
            output.Write("regions.json.br", DetailWriter.Compress(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(regions, RegionJsonContext.Default.RegionList), "regions"));
        }
        var removed = output.RemoveStale("*.svcmodel", "*.detail.br", "regions.json.br", "data.*.br");
        var sizes = string.Join(", ", dialects.Select(d =>
        {
            var own = services.Values.Where(s => (s.Dialects & d.Dialect) != 0).Select(s => s.For(d.Dialect)).ToList();
            return $"{d.Dialect} (awscli {d.Customizations.AwsCliVersion}): {own.Count} top-level commands, {own.Sum(s => s.Commands.Count)} commands";
        }));
        log.WriteLine($"awscat-compiler: {services.Count} top-level commands, {services.Values.Sum(s => s.Commands.Count)} command entries " +
                      $"from botocore {data.Version()}; {sizes}; in {clock.Elapsed.TotalSeconds:F1} s ({removed} stale files removed)");
        return 0;
    }

    /// <summary>Groups each version's services by top-level name and merges each group, in name order.</summary>
    private static IEnumerable<ServiceDescriptor> MergeByName(AccessClassifier access, IEnumerable<(CliDialectData Data, ServiceDescriptor Service)> services) =>
        services.GroupBy(s => s.Service.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Merge(access, g.Select(s => (s.Data.Dialect, s.Service)).ToList()))
            .ToList();

    private static ServiceDescriptor Merge(AccessClassifier access, IReadOnlyList<(CliDialects Dialect, ServiceDescriptor Service)> versions)
    {
        var merged = DialectMerger.Merge(versions);
        access.CheckCustomDialects(merged);
        return merged;
    }

    private static void Emit(OutputDirectory output, ServiceDescriptor descriptor, ServiceDetail detail)
    {
        output.Write(descriptor.Name + ".svcmodel", Encoding.UTF8.GetBytes(ServiceModelWriter.Write(descriptor)));
        output.Write(descriptor.Name + ".detail.br", DetailWriter.Write(detail));
    }
}
