using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue.Building;
using AwsMcpTyped.ModelCompiler.Cli;

namespace AwsMcpTyped.ModelCompiler.Dialects;

/// <summary>
/// One AWS CLI version's checked-in data and the steps that turn it, with the shared botocore models, into that
/// version's command tables. Both versions run exactly this code; they differ only in their data folder (v1:
/// generators/data, v2: generators/data/v2, both written by scripts/cli/) and in baseline rule f. The data includes
/// the xform_name cache of the version's botocore, which differs (v2's lacks the OTel names).
/// </summary>
internal sealed class CliDialectData
{
    private CliDialectData(CliDialects dialect, string folder)
    {
        var xform = XformName.Load(folder);
        Dialect = dialect;
        Overrides = CliOverrides.Load(folder);
        Customizations = CliCustomizations.Load(folder);
        Examples = CliExamples.Load(folder);
        Builder = new BaselineCommandBuilder(xform, dialect);
    }

    public CliDialects Dialect { get; }
    public CliOverrides Overrides { get; }
    public CliCustomizations Customizations { get; }
    public CliExamples Examples { get; }
    public BaselineCommandBuilder Builder { get; }

    /// <summary>Both versions, v1 first: where they disagree about help text, v1's is kept (the order of
    /// <see cref="CliCustomizations.AddDetails"/> and <see cref="CliExamples.AddTo"/>).</summary>
    public static IReadOnlyList<CliDialectData> LoadAll(string dataDirectory) =>
    [
        new(CliDialects.V1, dataDirectory),
        new(CliDialects.V2, Path.Combine(dataDirectory, "v2")),
    ];

    /// <summary>The CLI service built on one botocore service (baseline, overrides, custom commands of the same CLI
    /// name); null when this version does not expose the service.</summary>
    public DialectService? ModelService(BotocoreService service, AccessClassifier access)
    {
        if (Overrides.IsRemoved(service.Name))
            return null;
        var cliName = Overrides.CliName(service.Name);
        var commands = Overrides.Commands(cliName, service, Builder, access)
            .Concat(Customizations.Commands(cliName, access))
            .ToList();
        var descriptor = new ServiceDescriptor(cliName, service.Name, service.ApiVersion,
            (string?)service.Metadata["serviceFullName"], null, Overrides.IsHidden(cliName), commands);
        var baseline = Builder.Build(service);
        var removed = Overrides.RemovedCommands(cliName).ToDictionary(
            name => name, name => baseline.First(c => c.Name == name).Operation, StringComparer.Ordinal);
        return new DialectService(descriptor, removed);
    }

    /// <summary>Legacy top-level aliases (v1's runtime.sagemaker): a copy of their target's command table.</summary>
    public IEnumerable<ServiceDescriptor> Aliases(IReadOnlyDictionary<string, ServiceDescriptor> services) =>
        Overrides.Aliases().Select(alias =>
        {
            var target = services[Overrides.CliName(alias.BotocoreService)];
            return target with { Name = alias.Alias, AliasOf = target.Name, Hidden = Overrides.IsHidden(alias.Alias) };
        });

    /// <summary>Top-level commands only customizations create (s3, configure, history; v2's ddb, login, logout, cli-dev):
    /// those of <see cref="CliCustomizations.Services"/> no botocore service or alias of this version is named.</summary>
    public IEnumerable<ServiceDescriptor> CustomOnlyServices(IReadOnlyDictionary<string, ServiceDescriptor> services, AccessClassifier access) =>
        Customizations.Services().Where(name => !services.ContainsKey(name)).Select(name => new ServiceDescriptor(
            name, null, null, Customizations.Title(name), null, Overrides.IsHidden(name), Customizations.Commands(name, access).ToList()));

    /// <summary>Adds this version's help of custom commands, its examples and its removed operation commands.</summary>
    public void AddDetails(string cliName, ServiceDetail detail, IReadOnlyDictionary<string, string>? removedCommands)
    {
        Customizations.AddDetails(cliName, detail);
        Examples.AddTo(cliName, detail);
        foreach (var (name, operation) in removedCommands ?? new Dictionary<string, string>())
            detail.RemovedCommands.TryAdd(name, operation);
    }
}

/// <summary>One version's CLI service built on a botocore service, with the baseline commands it removes (name →
/// operation: what a detail page says about a command the CLI replaced or dropped).</summary>
internal sealed record DialectService(ServiceDescriptor Descriptor, IReadOnlyDictionary<string, string> RemovedCommands);
