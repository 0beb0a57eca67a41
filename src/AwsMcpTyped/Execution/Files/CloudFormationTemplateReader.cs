using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// Reads a template as awscli/customizations/cloudformation/yamlhelper.yaml_parse does: JSON first, else YAML with
/// CloudFormation's short-form tags turned into their long form (<c>!Ref x</c> is <c>{"Ref": "x"}</c>, <c>!Sub</c>
/// is <c>{"Fn::Sub": …}</c>, <c>!GetAtt a.b</c> is <c>{"Fn::GetAtt": ["a", "b"]}</c>), so a tagged value is a mapping,
/// as the packager sees it. Values: <see cref="Dictionary{TKey,TValue}"/> of string to value, <see cref="List{T}"/>,
/// string, null, or <see cref="NotText"/> for numbers and booleans.
/// </summary>
internal static partial class CloudFormationTemplateReader
{
    /// <summary>A number or boolean: never a path to the packager.</summary>
    public static readonly object NotText = new();

    /// <summary>YAML 1.1 plain scalars PyYAML's SafeLoader does not read as strings.</summary>
    [GeneratedRegex(@"^(?:[-+]?(?:0|[1-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex NonStringScalar();

    [GeneratedRegex("^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullScalar();

    /// <summary>The template's value, or throws <see cref="FormatException"/> with the reason it cannot be read.</summary>
    public static object? Parse(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return FromJson(json.RootElement);
        }
        catch (JsonException)
        {
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode, 0);
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            throw new FormatException($"it is neither JSON nor YAML ({error.Message.Trim()})", error);
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, property) => { map[property.Name] = FromJson(property.Value); return map; }),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => NotText,
    };

    private static object? FromYaml(YamlNode node, int depth)
    {
        if (depth > 200)
            throw new FormatException("it nests deeper than 200 levels");
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal) && !tag.StartsWith("tag:yaml.org", StringComparison.Ordinal))
        {
            var name = tag[1..];
            var key = name is "Ref" or "Condition" ? name : "Fn::" + name;
            object? value = name == "GetAtt" && node is YamlScalarNode { Value: { } dotted }
                ? dotted.Split('.', 2).Cast<object?>().ToList()
                : Untagged(node, depth);
            return new Dictionary<string, object?>(StringComparer.Ordinal) { [key] = value };
        }
        return Untagged(node, depth);
    }

    private static object? Untagged(YamlNode node, int depth)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, child) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { } text } ? text : throw new FormatException("it has a mapping key that is not text");
                    if (name == "<<" && key is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain })
                        throw new FormatException("it uses a YAML merge key (<<), which this check does not follow");
                    map[name] = FromYaml(child, depth + 1);
                }
                return map;
            case YamlSequenceNode sequence:
                return sequence.Children.Select(child => FromYaml(child, depth + 1)).ToList();
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || !node.Tag.IsEmpty)
                    return value;
                return NullScalar().IsMatch(value) ? null : NonStringScalar().IsMatch(value) ? NotText : value;
            default:
                throw new FormatException("it has a YAML node this check does not read");
        }
    }
}
