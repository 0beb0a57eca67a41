using System.IO.Compression;
using System.Text.Json;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.ModelCompiler.Emit;

/// <summary>Serialises a <see cref="ServiceDetail"/> and Brotli-compresses it for embedding.</summary>
internal static class DetailWriter
{
    public static byte[] Write(ServiceDetail detail)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(detail, DetailJsonContext.Default.ServiceDetail);
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            brotli.Write(json);
        return output.ToArray();
    }
}
