using System.IO.Compression;
using System.Text.Json.Nodes;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>Reads botocore JSON files, plain or gzip-compressed, and applies botocore's sdk-extras merge.</summary>
internal static class JsonFiles
{
    public static JsonObject Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException($"{path}: not a JSON object");
    }

    /// <summary>Reads <c>&lt;directory&gt;/&lt;type&gt;</c> (.json or .json.gz) and deep-merges the "merge" object of its
    /// sibling <c>*.sdk-extras.json</c>, as botocore's Loader does.</summary>
    public static JsonObject? ReadWithExtras(string directory, string type)
    {
        var plain = Path.Combine(directory, type + ".json");
        var path = File.Exists(plain) ? plain : plain + ".gz";
        if (!File.Exists(path))
            return null;
        var document = Read(path);
        var extras = Path.Combine(directory, type + ".sdk-extras.json");
        if (File.Exists(extras) && Read(extras)["merge"] is JsonObject merge)
            DeepMerge(document, merge);
        return document;
    }

    private static void DeepMerge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (value is JsonObject sourceChild && target[key] is JsonObject targetChild)
                DeepMerge(targetChild, sourceChild);
            else
                target[key] = value?.DeepClone();
        }
    }
}
