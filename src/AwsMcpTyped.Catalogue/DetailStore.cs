using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Catalogue;

/// <summary>Loads a service's <see cref="ServiceDetail"/> from its Brotli-compressed embedded resource, once.</summary>
internal sealed class DetailStore
{
    private readonly ConcurrentDictionary<string, Lazy<ServiceDetail>> _details = new(StringComparer.Ordinal);

    public ServiceDetail Get(string serviceName) =>
        _details.GetOrAdd(serviceName, name => new Lazy<ServiceDetail>(() => Load(name))).Value;

    public static string ResourceName(string serviceName) => $"catalogue/{serviceName}.detail.br";

    private static ServiceDetail Load(string serviceName)
    {
        using var resource = typeof(DetailStore).Assembly.GetManifestResourceStream(ResourceName(serviceName))
            ?? throw new InvalidOperationException($"The catalogue has no detail for '{serviceName}'.");
        using var brotli = new BrotliStream(resource, CompressionMode.Decompress);
        return JsonSerializer.Deserialize(brotli, DetailJsonContext.Default.ServiceDetail)
            ?? throw new InvalidDataException($"The catalogue detail for '{serviceName}' is empty.");
    }
}
