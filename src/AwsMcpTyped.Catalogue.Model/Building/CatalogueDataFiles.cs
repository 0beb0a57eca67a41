using System.IO.Compression;
using System.Text.Json.Nodes;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// The checked-in data the builders read (xform special cases, access data), by path relative to a CLI version's data
/// folder: at build time the folder itself (generators/data, generators/data/v2); at run time the Brotli-compressed
/// copies of <see cref="RunTimeFiles"/> the compiler embeds in the catalogue, so that the installed CLI's models can be
/// read with the very rules the catalogue was built with.
/// </summary>
internal sealed class CatalogueDataFiles(Func<string, Stream?> open)
{
    /// <summary>What the run-time overlay reads: both versions' xform special cases and overrides, and the operation
    /// access data (shared by both).</summary>
    public static IReadOnlyList<string> RunTimeFiles { get; } =
        [XformName.FileName, CliOverrides.FileName, V2Folder + XformName.FileName, V2Folder + CliOverrides.FileName, .. AccessClassifier.Files];

    /// <summary>Where v2's own files are, relative to the data folder.</summary>
    public const string V2Folder = "v2/";

    /// <summary>The file name the compiler writes a run-time file under, flat because the catalogue embeds one folder
    /// (<c>data.access.verb-rules.json.br</c>); its resource name is <c>catalogue/</c> and this.</summary>
    public static string FlatFileName(string path) => "data." + path.Replace('/', '.') + ".br";

    public static CatalogueDataFiles FromDirectory(string root) =>
        new(path => Path.Combine(root, path) is var file && File.Exists(file) ? File.OpenRead(file) : null);

    /// <summary>The copies embedded in <paramref name="assembly"/>, under <paramref name="folder"/> ("" for v1, "v2/").</summary>
    public static CatalogueDataFiles FromResources(System.Reflection.Assembly assembly, string folder = "") =>
        new(path => assembly.GetManifestResourceStream("catalogue/" + FlatFileName(folder + path)) is { } resource
            ? new BrotliStream(resource, CompressionMode.Decompress)
            : null);

    public JsonObject ReadJson(string path) =>
        TryReadJson(path) ?? throw new InvalidDataException($"catalogue data file '{path}' is missing");

    public JsonObject? TryReadJson(string path)
    {
        using var stream = open(path);
        return stream is null ? null : JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException($"{path}: not a JSON object");
    }

    public IEnumerable<string> ReadLines(string path)
    {
        using var stream = open(path) ?? throw new InvalidDataException($"catalogue data file '{path}' is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            yield return line;
    }
}
