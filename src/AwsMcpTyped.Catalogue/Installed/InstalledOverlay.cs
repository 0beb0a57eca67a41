using System.Collections.Concurrent;
using AwsMcpTyped.Catalogue.Building;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Catalogue.Installed;

/// <summary>
/// The installed CLI's own models over one version's built catalogue. A service the installed models have is read, on
/// its first use, with the rules and data the catalogue was built with (baseline, this version's overrides applied
/// tolerantly, access classes from the IAM table where it lists the operation and the verb rules elsewhere); its
/// command table is then the installed CLI's, plus the built customizations, plus the built commands it lacks (kept so
/// that they can be reported as missing rather than unknown). Its detail is the built one with the installed
/// operations, shapes and waiters laid over it.
/// </summary>
internal sealed class InstalledOverlay
{
    private static readonly Lazy<AccessClassifier> Access = new(() => AccessClassifier.Load(CatalogueDataFiles.FromResources(typeof(AwsCatalogue).Assembly)));

    private readonly ModelSearchPath _models;
    private readonly Lazy<(XformName Xform, CliOverrides Overrides)> _data;
    private readonly CliDialects _dialect;
    private readonly ConcurrentDictionary<string, Lazy<InstalledService?>> _services = new(StringComparer.Ordinal);
    private readonly DetailStore _details = new();
    private readonly DetailStore _installedDetails = new();

    public InstalledOverlay(InstalledCliModels installed, ModelSearchPath models, bool readsBuiltInModels, CliDialects dialect)
    {
        Installed = installed;
        ReadsBuiltInModels = readsBuiltInModels;
        _models = models;
        _dialect = dialect;
        _data = new(() =>
        {
            var files = CatalogueDataFiles.FromResources(typeof(AwsCatalogue).Assembly, dialect == CliDialects.V2 ? CatalogueDataFiles.V2Folder : "");
            return (XformName.Load(files), CliOverrides.Load(files));
        });
    }

    public InstalledCliModels Installed { get; }

    /// <summary>Whether the CLI's own data folder is read (its version differs from the catalogue's): only then can a
    /// service missing from every folder be missing from the CLI.</summary>
    public bool ReadsBuiltInModels { get; }

    /// <summary>The CLI names of the services only the installed models have (botocore names, renamed as this version
    /// renames them; services this version drops left out).</summary>
    public IEnumerable<string> NewServiceNames(IReadOnlyCollection<string> builtNames)
    {
        var overrides = _data.Value.Overrides;
        return _models.ServiceNames().Where(b => !overrides.IsRemoved(b)).Select(overrides.CliName)
            .Where(name => !builtNames.Contains(name)).Order(StringComparer.Ordinal);
    }

    /// <summary>The built service in step with the installed models (itself when they do not have it).</summary>
    public ServiceDescriptor Merge(ServiceDescriptor built)
    {
        if (built.BotocoreName is null || built.AliasOf is not null || Service(built.BotocoreName) is not { } installed)
            return built;
        // A customization takes its name's place in the CLI's command table, as the CLI's own do.
        var custom = built.Commands.Where(c => c.Kind == CommandKind.Custom).ToList();
        var customNames = custom.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return built with
        {
            ApiVersion = installed.ApiVersion,
            Commands = [
                .. installed.Commands.Where(c => !customNames.Contains(c.Name)),
                .. custom,
                .. built.Commands.Where(c => c.Kind != CommandKind.Custom && !installed.CommandNames.Contains(c.Name)),
            ],
        };
    }

    /// <summary>A service only the installed models have, or null when none has <paramref name="cliName"/>.</summary>
    public ServiceDescriptor? NewService(string cliName)
    {
        var botocoreName = _models.ServiceNames().FirstOrDefault(b => _data.Value.Overrides.CliName(b) == cliName);
        if (botocoreName is null || Service(botocoreName) is not { } installed)
            return null;
        return new ServiceDescriptor(cliName, botocoreName, installed.ApiVersion, installed.FullName, null, false, installed.Commands)
        {
            Dialects = _dialect,
        };
    }

    /// <summary>The detail of a service the installed models have, laid over <paramref name="built"/>'s when the
    /// catalogue has the service; null when the installed models do not have it.</summary>
    public ServiceDetail? Detail(ServiceDescriptor service, Func<ServiceDetail>? built)
    {
        if (service.BotocoreName is not { } botocoreName || service.AliasOf is not null || Service(botocoreName) is null)
            return null;
        return _details.Get(service.Name, _ =>
        {
            var installed = _installedDetails.Get(botocoreName, InstalledDetail);
            return built is null ? installed : Overlay(built(), installed);
        });
    }

    /// <summary>Where a command of a (merged or new) service comes from.</summary>
    /// <param name="inBuilt">Whether the built catalogue has the command (the service, when it is null).</param>
    public CommandOrigin Origin(ServiceDescriptor service, CommandDescriptor? command, Func<bool> inBuilt)
    {
        if (service.BotocoreName is null || service.AliasOf is not null || command?.Kind == CommandKind.Custom)
            return CommandOrigin.Catalogue;
        var installed = Service(service.BotocoreName);
        if (installed is null)
            return ReadsBuiltInModels ? CommandOrigin.MissingFromInstalledCli : CommandOrigin.Catalogue;
        if (command is not null && !installed.CommandNames.Contains(command.Name))
            return CommandOrigin.MissingFromInstalledCli;
        return inBuilt() ? CommandOrigin.Catalogue : CommandOrigin.InstalledModels;
    }

    private InstalledService? Service(string botocoreName) =>
        _services.GetOrAdd(botocoreName, name => new(() => Read(name))).Value;

    private InstalledService? Read(string botocoreName)
    {
        if (_models.Load(botocoreName) is not var (model, folder))
            return null;
        var (xform, overrides) = _data.Value;
        var cliName = overrides.CliName(botocoreName);
        var commands = overrides.Commands(cliName, model, new BaselineCommandBuilder(xform, _dialect), Access.Value, tolerant: true)
            .Select(c => c with { Dialects = _dialect, Access = NotReadByMethod(model, c) ?? c.Access }).ToList();
        // Validation reads the detail next: built now, from the model already parsed (ec2's takes a quarter second).
        _installedDetails.Get(botocoreName, _ => new DetailBuilder(xform).Build(model, cliName, new SensitiveShapes(model)));
        return new InstalledService(model.ApiVersion, (string?)model.Metadata["serviceFullName"], folder, commands);
    }

    /// <summary>
    /// A model the catalogue was not built from names its operations freely, and the verb rules read only the name: an
    /// operation called List… that the IAM reference does not list but that the model sends as an HTTP PUT, PATCH or
    /// DELETE is a write (a delete is destructive), whatever its name says. Null when the name's class stands.
    /// </summary>
    private static AccessClass? NotReadByMethod(BotocoreService model, CommandDescriptor command)
    {
        if (command.Access != AccessClass.Read || command.Kind != CommandKind.Operation || Access.Value.IsInIamReference(model.Name, command.Operation!))
            return null;
        return (string?)model.Operations[command.Operation!]?["http"]?["method"] switch
        {
            "DELETE" => AccessClass.Destructive,
            "PUT" or "PATCH" => AccessClass.Write,
            _ => null,
        };
    }

    /// <summary>The installed detail of a service once its first one left the bounded cache: built from its model again
    /// (the parsed model is not kept: ec2's takes tens of MB).</summary>
    private ServiceDetail InstalledDetail(string botocoreName)
    {
        var (model, _) = _models.Load(botocoreName) ?? throw new InvalidOperationException($"the installed models no longer have '{botocoreName}'");
        return new DetailBuilder(_data.Value.Xform).Build(model, _data.Value.Overrides.CliName(botocoreName), new SensitiveShapes(model));
    }

    /// <summary>The built detail (its customization help, CLI examples and removed commands) with the installed
    /// operations, shapes and waiters laid over it.</summary>
    private static ServiceDetail Overlay(ServiceDetail built, ServiceDetail installed) => new()
    {
        Name = built.Name,
        BotocoreName = built.BotocoreName,
        ApiVersion = installed.ApiVersion,
        FullName = installed.FullName ?? built.FullName,
        Protocol = installed.Protocol ?? built.Protocol,
        Documentation = installed.Documentation ?? built.Documentation,
        Operations = Over(built.Operations, installed.Operations),
        Shapes = Over(built.Shapes, installed.Shapes),
        Waiters = Over(built.Waiters, installed.Waiters),
        RemovedCommands = built.RemovedCommands,
        CliExamples = built.CliExamples,
        CliExamplesNote = built.CliExamplesNote,
        CustomCommands = built.CustomCommands,
    };

    private static Dictionary<string, T> Over<T>(Dictionary<string, T> under, Dictionary<string, T> over)
    {
        var result = new Dictionary<string, T>(under, StringComparer.Ordinal);
        foreach (var (key, value) in over)
            result[key] = value;
        return result;
    }

    /// <summary>One service as the installed CLI has it: its command table and where its model is.</summary>
    private sealed record InstalledService(string ApiVersion, string? FullName, string Folder, IReadOnlyList<CommandDescriptor> Commands)
    {
        public IReadOnlySet<string> CommandNames { get; } = Commands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }
}
