using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsMcpTyped.Server.Tools;

/// <summary>
/// Blob members of a typed tool's input, which the schema takes in base64 (<c>contentEncoding: base64</c>). AWS CLI v2
/// decodes them itself (<c>--cli-binary-format base64</c>); AWS CLI v1 sends a JSON string's characters as the bytes,
/// so for v1 they are decoded here, and a blob whose bytes are not text cannot be given to v1 inline at all.
/// </summary>
internal static class TypedBlobs
{
    /// <summary>Replaces every base64 blob in <paramref name="input"/> by its text, following <paramref name="schema"/>;
    /// returns why it cannot, or null.</summary>
    public static string? DecodeForV1(JsonObject input, JsonElement schema) => Walk(input, schema, schema, "input").Problem;

    /// <summary>The node to put in place of <paramref name="node"/> (itself when unchanged), or why it cannot be.</summary>
    private static (JsonNode? Node, string? Problem) Walk(JsonNode? node, JsonElement schema, JsonElement root, string path)
    {
        // Shapes used more than once live in $defs ("$ref": "#/$defs/Name").
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal) &&
            root.TryGetProperty("$defs", out var definitions) && definitions.TryGetProperty(target["#/$defs/".Length..], out var definition))
            schema = definition;
        switch (node)
        {
            case JsonValue value when IsBlob(schema) && value.TryGetValue<string>(out var encoded):
                return DecodedText(encoded) is { } text ? (JsonValue.Create(text), null)
                    : (node, $"{path} must be base64 of UTF-8 text here: the installed AWS CLI v1 takes blobs only as text inline (AWS CLI v2 takes any bytes).");
            case JsonObject members when schema.TryGetProperty("properties", out var properties):
                return Replace(members, name => properties.TryGetProperty(name, out var member) ? member : null, root, path);
            case JsonObject map when schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object:
                return Replace(map, _ => values, root, path);
            case JsonArray items when schema.TryGetProperty("items", out var item):
                for (var i = 0; i < items.Count; i++)
                {
                    var (replacement, problem) = Walk(items[i], item, root, $"{path}[{i}]");
                    if (problem is not null)
                        return (node, problem);
                    if (!ReferenceEquals(replacement, items[i]))
                        items[i] = replacement;
                }
                return (node, null);
            default:
                return (node, null);
        }
    }

    private static (JsonNode?, string?) Replace(JsonObject members, Func<string, JsonElement?> schemaOf, JsonElement root, string path)
    {
        foreach (var (name, value) in members.ToList())
        {
            if (schemaOf(name) is not { } member)
                continue;
            var (replacement, problem) = Walk(value, member, root, $"{path}.{name}");
            if (problem is not null)
                return (members, problem);
            if (!ReferenceEquals(replacement, value))
                members[name] = replacement;
        }
        return (members, null);
    }

    private static bool IsBlob(JsonElement schema) =>
        schema.TryGetProperty("contentEncoding", out var encoding) && encoding.GetString() == "base64";

    private static string? DecodedText(string encoded)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(encoded));
        }
        catch (Exception error) when (error is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }
}
