using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Detail;
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
    private readonly DetailStore _details = new();

    private AwsCatalogue(IEnumerable<ServiceEntry> entries)
    {
        _entries = entries.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        ServiceNames = _entries.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>How many services' details stay decompressed (most recently used first).</summary>
    public const int DetailCacheCapacity = DetailStore.DefaultCapacity;

    /// <summary>The catalogue built into this assembly.</summary>
    public static AwsCatalogue Default { get; } = new(CatalogueServices.All);

    /// <summary>The botocore version the catalogue was generated from.</summary>
    public string BotocoreVersion { get; } = Metadata("BotocoreVersion") ?? "unknown";

    /// <summary>The AWS CLI v1 release that bundles <see cref="BotocoreVersion"/> (its models are the catalogue's).</summary>
    public string AwsCliV1Version { get; } = Metadata("AwsCliV1Version") ?? "unknown";

    /// <summary>The AWS CLI v2 release with the same service models as <see cref="BotocoreVersion"/>.</summary>
    public string AwsCliV2Version { get; } = Metadata("AwsCliV2Version") ?? "unknown";

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
    public ServiceDetail GetDetail(ServiceDescriptor service) => _details.Get(service.AliasOf ?? service.Name);

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
