using System.IO.Compression;
using System.Text.Json;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Catalogue;

/// <summary>
/// Loads a service's <see cref="ServiceDetail"/> from its Brotli-compressed embedded resource (or, for the installed
/// CLI's models, from those) and keeps the most recently used ones: all 428 details together take ~300 MB, so a long-running server that is asked about many
/// services holds a bounded set instead of growing without limit.
/// </summary>
internal sealed class DetailStore(int capacity = DetailStore.DefaultCapacity)
{
    public const int DefaultCapacity = 24;

    private readonly Dictionary<string, LinkedListNode<(string Name, Lazy<ServiceDetail> Detail)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Name, Lazy<ServiceDetail> Detail)> _recent = new();
    private readonly Lock _lock = new();

    /// <summary>A service's detail from the catalogue's embedded resources.</summary>
    public ServiceDetail Get(string serviceName) => Get(serviceName, Load);

    /// <summary>A service's detail, made by <paramref name="load"/> when the store does not hold it.</summary>
    public ServiceDetail Get(string serviceName, Func<string, ServiceDetail> load)
    {
        Lazy<ServiceDetail> detail;
        lock (_lock)
        {
            if (_entries.TryGetValue(serviceName, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
            }
            else
            {
                node = _recent.AddFirst((serviceName, new Lazy<ServiceDetail>(() => load(serviceName))));
                _entries[serviceName] = node;
                if (_recent.Count > capacity)
                {
                    _entries.Remove(_recent.Last!.Value.Name);
                    _recent.RemoveLast();
                }
            }
            detail = node.Value.Detail;
        }
        return detail.Value; // decompressed outside the lock; Lazy makes concurrent callers share one load
    }

    public static string ResourceName(string serviceName) => $"catalogue/{serviceName}.detail.br";

    public static IReadOnlyList<RegionDetail> LoadRegions()
    {
        using var resource = typeof(DetailStore).Assembly.GetManifestResourceStream("catalogue/regions.json.br")
            ?? throw new InvalidOperationException("The catalogue has no region data.");
        using var brotli = new BrotliStream(resource, CompressionMode.Decompress);
        return JsonSerializer.Deserialize(brotli, RegionJsonContext.Default.RegionList)?.Regions
            ?? throw new InvalidDataException("The catalogue's region data is empty.");
    }

    /// <summary>The decompressed detail JSON of a service, uncached (for readers that need only part of it).</summary>
    public static Stream OpenJson(string serviceName)
    {
        var resource = typeof(DetailStore).Assembly.GetManifestResourceStream(ResourceName(serviceName))
            ?? throw new InvalidOperationException($"The catalogue has no detail for '{serviceName}'.");
        return new BrotliStream(resource, CompressionMode.Decompress);
    }

    private static ServiceDetail Load(string serviceName)
    {
        using var json = OpenJson(serviceName);
        return JsonSerializer.Deserialize(json, DetailJsonContext.Default.ServiceDetail)
            ?? throw new InvalidDataException($"The catalogue detail for '{serviceName}' is empty.");
    }
}
