using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.ModelCompiler.Access;
using AwsMcpTyped.ModelCompiler.Botocore;
using AwsMcpTyped.ModelCompiler.Cli;
using AwsMcpTyped.ModelCompiler.Emit;
using AwsMcpTyped.ModelCompiler.Naming;

namespace AwsMcpTyped.ModelCompiler;

/// <summary>
/// botocore-data + checked-in CLI and access data → one <c>.svcmodel</c> (for the generator) and one
/// <c>.detail.br</c> (embedded) per top-level CLI command.
/// </summary>
internal sealed class CatalogueCompiler(TextWriter log)
{
    public int Run(string botocoreDataDir, string dataDir, string outDir)
    {
        var clock = Stopwatch.StartNew();
        var data = new BotocoreDataDirectory(botocoreDataDir);
        var xform = XformName.Load(dataDir);
        var overrides = CliOverrides.Load(dataDir);
        var customizations = CliCustomizations.Load(dataDir);
        var examples = CliExamples.Load(dataDir);
        var access = AccessClassifier.Load(dataDir);
        var builder = new BaselineCommandBuilder(xform);
        var details = new DetailBuilder(xform);
        var output = new OutputDirectory(outDir);
        output.Prepare();

        var services = new ConcurrentDictionary<string, ServiceDescriptor>(StringComparer.Ordinal);
        var endpointPrefixes = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        var botocoreNames = data.ServiceNames();
        Parallel.ForEach(botocoreNames, botocoreName =>
        {
            var service = data.Load(botocoreName);
            var cliName = overrides.CliName(botocoreName);
            var prefix = (string?)service.Metadata["endpointPrefix"] ?? botocoreName;
            lock (endpointPrefixes)
                endpointPrefixes.GetOrAdd(prefix, _ => []).Add(cliName);
            var baseline = builder.Build(service);
            var sensitive = new SensitiveShapes(service);
            var commands = overrides.Apply(cliName, service, builder, baseline)
                .Select(c => new CommandDescriptor(c.Name, c.Operation, c.Kind, access.Classify(service, c), c.Flags,
                    access.Actions(service, c), MarkSensitive(service, sensitive, c)))
                .Concat(customizations.Commands(cliName, access))
                .ToList();
            var descriptor = new ServiceDescriptor(cliName, botocoreName, service.ApiVersion,
                (string?)service.Metadata["serviceFullName"], null, overrides.IsHidden(cliName), commands);
            var detail = details.Build(service, cliName, sensitive);
            customizations.AddDetails(cliName, detail);
            examples.AddTo(cliName, detail);
            foreach (var removed in overrides.RemovedCommands(cliName))
                detail.RemovedCommands[removed] = baseline.First(c => c.Name == removed).Operation;
            Emit(output, descriptor, detail);
            services[cliName] = descriptor;
        });

        foreach (var (alias, botocoreName) in overrides.Aliases())
        {
            var target = services[overrides.CliName(botocoreName)];
            var descriptor = target with { Name = alias, AliasOf = target.Name, Hidden = overrides.IsHidden(alias) };
            output.Write(alias + ".svcmodel", Encoding.UTF8.GetBytes(ServiceModelWriter.Write(descriptor)));
            services[alias] = descriptor;
        }

        foreach (var name in customizations.TopLevelCommands())
        {
            var descriptor = new ServiceDescriptor(name, null, null, customizations.Title(name), null, false,
                customizations.Commands(name, access).ToList());
            var detail = new ServiceDetail { Name = name, FullName = descriptor.FullName, Documentation = customizations.Overview(name) };
            customizations.AddDetails(name, detail);
            Emit(output, descriptor, detail);
            services[name] = descriptor;
        }

        if (File.Exists(Path.Combine(botocoreDataDir, "endpoints.json")))
        {
            var regions = RegionListBuilder.Build(botocoreDataDir, dataDir, endpointPrefixes);
            output.Write("regions.json.br", DetailWriter.Compress(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(regions, RegionJsonContext.Default.RegionList), "regions"));
        }
        var removed = output.RemoveStale("*.svcmodel", "*.detail.br", "regions.json.br");
        var commandCount = services.Values.Sum(s => s.Commands.Count);
        log.WriteLine($"awscat-compiler: {services.Count} top-level commands, {commandCount} commands " +
                      $"from botocore {data.Version()} in {clock.Elapsed.TotalSeconds:F1} s ({removed} stale files removed)");
        return 0;
    }

    /// <summary>Flags the arguments whose input member holds secret material, so they can be masked wherever echoed.</summary>
    private static List<ArgumentDescriptor> MarkSensitive(BotocoreService service, SensitiveShapes sensitive, BaselineCommand command)
    {
        var input = (string?)service.Operations[command.Operation]?["input"]?["shape"];
        return command.Arguments.Select(a => a.Member is { } member && sensitive.IsSensitiveInput(input, member)
            ? a with { Flags = a.Flags | ArgumentFlags.Sensitive }
            : a).ToList();
    }

    private static void Emit(OutputDirectory output, ServiceDescriptor descriptor, ServiceDetail detail)
    {
        output.Write(descriptor.Name + ".svcmodel", Encoding.UTF8.GetBytes(ServiceModelWriter.Write(descriptor)));
        output.Write(descriptor.Name + ".detail.br", DetailWriter.Write(detail));
    }
}
