using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue.Installed;
using AwsMcpTyped.Catalogue.Schemas;
using AwsMcpTyped.Catalogue.Services;

namespace AwsMcpTyped.Catalogue;

/// <summary>
/// Every AWS CLI service and command, generated at build time from the botocore models the CLI uses.
/// Lookups are in-process and allocation-light; a service's command table is built, and its detail
/// (documentation, shapes, examples) decompressed, on first use.
/// </summary>
public sealed class AwsCatalogue
{
    private readonly FrozenDictionary<string, ServiceEntry> _entries;
    private readonly DetailStore _details;
    private readonly AwsCatalogue? _merged;
    private readonly AwsCatalogue?[] _views = new AwsCatalogue?[2];
    private readonly InstalledOverlay? _installed;
    private readonly AwsCatalogue? _built;

    private AwsCatalogue(IEnumerable<ServiceEntry> entries, CliDialects dialect, AwsCatalogue? merged, InstalledOverlay? installed = null, AwsCatalogue? built = null)
    {
        _entries = entries.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        ServiceNames = _entries.Keys.Order(StringComparer.Ordinal).ToArray();
        Dialect = dialect;
        _merged = merged;
        _details = merged?._details ?? new DetailStore();
        _installed = installed;
        _built = built;
    }

    /// <summary>How many services' details stay decompressed (most recently used first).</summary>
    public const int DetailCacheCapacity = DetailStore.DefaultCapacity;

    /// <summary>The catalogue built into this assembly: every service, command and argument of both CLI versions, each
    /// marked with the versions that have it. Validate and describe with <see cref="ForDialect"/> instead.</summary>
    public static AwsCatalogue Default { get; } = new(CatalogueServices.All, CliDialects.All, null);

    /// <summary>The CLI versions this catalogue describes: <see cref="CliDialects.All"/> for the merged one.</summary>
    public CliDialects Dialect { get; }

    /// <summary>The catalogue of both CLI versions this one is a view of (itself when it is that one): what tells a
    /// command of the other version from an unknown one.</summary>
    public AwsCatalogue Merged => _merged ?? this;

    /// <summary>This catalogue when it is one version's view, else v2's (the version users run): what validation and
    /// describe read when nothing says which CLI is installed.</summary>
    public AwsCatalogue SingleVersion => Dialect == CliDialects.All ? ForDialect(CliDialects.V2) : this;

    /// <summary>The catalogue as one CLI version has it (<see cref="CliDialects.V1"/> or <see cref="CliDialects.V2"/>):
    /// only that version's services, commands and arguments. Views are built once and share the details.</summary>
    public AwsCatalogue ForDialect(CliDialects dialect)
    {
        if (dialect is not (CliDialects.V1 or CliDialects.V2))
            throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "one CLI version: V1 or V2");
        var merged = Merged;
        ref var view = ref merged._views[dialect == CliDialects.V1 ? 0 : 1];
        if (view is null)
        {
            var entries = merged._entries.Values.Where(e => (e.Dialects & dialect) != 0).Select(e =>
            {
                var table = new Lazy<ServiceDescriptor>(() => e.Load().For(dialect));
                return e with { Load = () => table.Value, Dialects = dialect };
            });
            Interlocked.CompareExchange(ref view, new AwsCatalogue(entries, dialect, merged), null);
        }
        return view!;
    }

    /// <summary>
    /// This version's view in step with an installed CLI: where <paramref name="installed"/>'s models differ from the
    /// built ones (models added through AWS_DATA_PATH or <c>aws configure add-model</c>; the CLI's own models when its
    /// version is not the catalogue's), a service is read from them on its first use, so that its newer operations and
    /// arguments are validated, described and classified like built ones, and its commands the installed CLI lacks are
    /// known as such (<see cref="Origin"/>). The view itself when nothing differs: the built tables stay the fast path.
    /// </summary>
    public AwsCatalogue InStepWith(InstalledCliModels installed)
    {
        ArgumentNullException.ThrowIfNull(installed);
        if (Dialect is not (CliDialects.V1 or CliDialects.V2))
            throw new InvalidOperationException("InStepWith applies to one CLI version's view (ForDialect).");
        var built = _built ?? this;
        var readsBuiltIn = installed.BuiltInModels is not null && installed.CliVersion.ToString() != CliVersion(Dialect);
        var folders = readsBuiltIn ? [.. installed.ExtraModels, installed.BuiltInModels!] : installed.ExtraModels;
        if (folders.Count == 0)
            return built;
        var overlay = new InstalledOverlay(installed, new Installed.ModelSearchPath(folders), readsBuiltIn, Dialect);
        var entries = built._entries.Values.Select(e =>
        {
            var table = new Lazy<ServiceDescriptor>(() => overlay.Merge(e.Load()));
            return e with { Load = () => table.Value };
        }).ToList();
        foreach (var name in overlay.NewServiceNames(built._entries.Keys))
        {
            var table = new Lazy<ServiceDescriptor>(() => overlay.NewService(name)!);
            entries.Add(new ServiceEntry(name, false, true, () => table.Value, Dialect));
        }
        return new AwsCatalogue(entries, Dialect, Merged, overlay, built);
    }

    /// <summary>The installed CLI this view is in step with (<see cref="InStepWith"/>), or null for a built view.</summary>
    public InstalledCliModels? InstalledCli => _installed?.Installed;

    /// <summary>Whether a command of this view is the built catalogue's, only the installed CLI's, or missing from the
    /// installed CLI (then running it fails: say which CLI version lacks it). <paramref name="command"/> null asks
    /// about the service itself.</summary>
    public CommandOrigin Origin(ServiceDescriptor service, CommandDescriptor? command) =>
        _installed?.Origin(service, command, () => command is null
            ? _built!._entries.ContainsKey(service.Name)
            : _built!.FindCommand(service.Name, command.Name) is not null)
        ?? CommandOrigin.Catalogue;

    /// <summary>The botocore version the catalogue was generated from.</summary>
    public string BotocoreVersion { get; } = Metadata("BotocoreVersion") ?? "unknown";

    /// <summary>The version of the AWS CLI whose command tables the catalogue holds for <paramref name="dialect"/>
    /// (V1: "1.45.11", V2: "2.34.50"), as stamped at build time from the CLI data the tables were made from.</summary>
    public static string CliVersion(CliDialects dialect) => dialect switch
    {
        CliDialects.V1 => Metadata("AwsCliV1Version") ?? "unknown",
        CliDialects.V2 => Metadata("AwsCliV2Version") ?? "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "one CLI version: V1 or V2"),
    };

    /// <summary>SHA-256 over every generated command table and detail resource, computed at build time: the same
    /// for every build of the same catalogue, different as soon as any command, argument or text changes.</summary>
    public string ContentHash { get; } = Metadata("CatalogueContentHash") ?? "unknown";

    private static string? Metadata(string key) =>
        typeof(AwsCatalogue).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>Every top-level CLI command (services, s3, configure, history), sorted.</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    /// <summary>Top-level commands the CLI lists (hidden aliases left out), without building any command table.</summary>
    public IEnumerable<string> VisibleServiceNames => ServiceNames.Where(n => !_entries[n].Hidden);

    /// <summary>Listed services backed by a botocore model (those with operations and typed tools).</summary>
    public IEnumerable<string> ApiServiceNames => ServiceNames.Where(n => !_entries[n].Hidden && _entries[n].IsApi);

    public ServiceDescriptor? FindService(string name) =>
        _entries.TryGetValue(name, out var entry) ? entry.Load() : null;

    public CommandDescriptor? FindCommand(string service, string command)
    {
        var descriptor = FindService(service);
        if (descriptor is null)
            return null;
        foreach (var candidate in descriptor.Commands)
        {
            if (string.Equals(candidate.Name, command, StringComparison.Ordinal))
                return candidate;
        }
        return null;
    }

    /// <summary>Documentation, shapes, paginators, waiters and examples of a service (aliases share their target's).</summary>
    public ServiceDetail GetDetail(ServiceDescriptor service) =>
        _installed?.Detail(service, _built!._entries.ContainsKey(service.Name) ? () => _details.Get(service.Name) : null)
        ?? _details.Get(service.AliasOf ?? service.Name);

    /// <summary>A service's detail as its decompressed JSON (<see cref="DetailJsonContext"/> layout), read without the
    /// detail cache: for indexes that scan every service once and keep only a few fields.</summary>
    public Stream OpenDetailJson(ServiceDescriptor service) => DetailStore.OpenJson(service.AliasOf ?? service.Name);

    /// <summary>The JSON Schema of a command's API input (member names as --cli-input-json takes them); null for
    /// customizations, which call no single operation.</summary>
    public JsonObject? GetInputSchema(ServiceDescriptor service, CommandDescriptor command) =>
        command.Operation is null || command.Kind == CommandKind.Custom ? null : new OperationSchemaBuilder(GetDetail(service)).Input(command.Operation);

    /// <summary>The JSON Schema of a command's API output; null for customizations.</summary>
    public JsonObject? GetOutputSchema(ServiceDescriptor service, CommandDescriptor command) =>
        command.Operation is null || command.Kind == CommandKind.Custom ? null : new OperationSchemaBuilder(GetDetail(service)).Output(command.Operation);

    /// <summary>Every region of every partition (botocore endpoint data), with geography and available services.</summary>
    public IReadOnlyList<RegionDetail> Regions => _regions.Value;

    private readonly Lazy<IReadOnlyList<RegionDetail>> _regions = new(() => DetailStore.LoadRegions());

    /// <summary>Builds every command table: for exports, tests and benchmarks.</summary>
    public IReadOnlyList<ServiceDescriptor> LoadAll() => ServiceNames.Select(n => _entries[n].Load()).ToList();
}
