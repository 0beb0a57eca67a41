using System.Text;
using System.Text.Json;

namespace AwsMcpTyped.Execution.Output;

/// <summary>The YAML output formats AWS CLI v2 has and v1 lacks.</summary>
public enum YamlOutputStyle
{
    /// <summary><c>--output yaml</c>: the whole (aggregated) response as one YAML document.</summary>
    Yaml,

    /// <summary><c>--output yaml-stream</c>: v2 prints each page as the one-item list <c>[page]</c> as it arrives.</summary>
    YamlStream,
}

/// <summary>
/// Turns the JSON AWS CLI v1 printed (<c>--output json</c>, after <c>--query</c>) into the bytes AWS CLI v2 prints
/// for the same data with <c>--output yaml</c> or <c>--output yaml-stream</c> (awscli/formatter.py: YAMLFormatter,
/// StreamedYAMLFormatter and YAMLDumper, the same in 2.9.19 and 2.34.50).
/// </summary>
internal static class YamlOutput
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 1000 }; // Python's json nests as deep

    /// <summary>The style <paramref name="format"/> names, or null for json/text/table.</summary>
    public static YamlOutputStyle? StyleOf(string? format) => format switch
    {
        "yaml" => YamlOutputStyle.Yaml,
        "yaml-stream" => YamlOutputStyle.YamlStream,
        _ => null,
    };

    /// <summary>v2's output for the JSON text v1 printed, or null when <paramref name="json"/> is not one JSON value
    /// (then the caller passes it through unchanged rather than lose it). Empty output stays empty: v1 prints nothing
    /// for an empty response, and so does v2.</summary>
    public static string? Convert(string json, YamlOutputStyle style)
    {
        if (string.IsNullOrWhiteSpace(json))
            return json;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            // Both formatters print nothing for {} (an operation without output, or a query that gave {}).
            if (root.ValueKind == JsonValueKind.Object && !root.EnumerateObject().Any())
                return "";
            var output = new StringBuilder(json.Length);
            if (style == YamlOutputStyle.YamlStream)
            {
                YamlEmitter.SingleItemList(root, output);
            }
            else if (root.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                YamlEmitter.Document(root, output);
            }
            else
            {
                // YAMLDumper writes a lone scalar with json.dump(ensure_ascii=False) + "\n" (YAML would add "..."): the
                // same serializer v1 used for its JSON, so the scalar's text is taken as v1 wrote it.
                output.Append(root.GetRawText()).Append('\n');
            }
            return output.ToString();
        }
    }
}
