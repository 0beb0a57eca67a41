using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution.Syntax;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>
/// The secret values a command carries, by the models' own trait: arguments whose shape (or a shape inside it) botocore
/// marks <c>sensitive</c> (<c>ssm put-parameter --value</c>, <c>kms encrypt --plaintext</c>), and sensitive members inside
/// a <c>--cli-input-json</c> document (how typed tools pass their input). <see cref="Display"/> is the command line with
/// them masked — what the audit log and consent prompts show; null when there is nothing to mask — and <see cref="Values"/> lets error text lose them too.
/// </summary>
internal sealed record SensitiveInput(IReadOnlyList<string> Values, string? Display)
{
    /// <summary>Values shorter than this are masked where they stand as words, not searched for in free text (a
    /// two-letter value would mask every occurrence of those letters).</summary>
    public const int MinimumSearchedLength = 4;

    private const string CliInputJson = "--cli-input-json";
    private const string CliInputYaml = "--cli-input-yaml";

    public static SensitiveInput Of(ValidatedCommand command, AwsCatalogue catalogue)
    {
        var values = new List<string>();
        var masked = new Dictionary<string, string>(StringComparer.Ordinal); // a sensitive word → what to show instead
        foreach (var option in command.Aws.Arguments.Options)
        {
            if (option.Argument.IsSensitive)
            {
                foreach (var value in option.Values)
                {
                    values.Add(value);
                    masked[value] = SecretRedactor.Mask;
                }
            }
            else if (option.Argument.Name == CliInputJson && option.Values is [var document] &&
                     MaskDocument(document, command.Aws, catalogue, values) is { } shown)
            {
                masked[document] = shown;
            }
            else if (option.Argument.Name == CliInputYaml && option.Values is [var yaml] && !yaml.StartsWith("file://", StringComparison.Ordinal) &&
                     command.Aws.Command!.Arguments.Any(a => a.IsSensitive))
            {
                // v2's inline YAML document: not parsed here, so a command with secret members never shows it at all
                values.Add(yaml);
                masked[yaml] = SecretRedactor.Mask;
            }
        }
        if (values.Count == 0)
            return new SensitiveInput([], null);
        var stages = command.Pipeline.Stages.Select((stage, index) => index > 0 ? stage : stage.Select(word => Mask(word, masked)).ToList());
        return new SensitiveInput(values, string.Join(" | ", stages.Select(stage => string.Join(' ', stage.Select(Pipeline.Quote)))));
    }

    /// <summary>Masks every sensitive value in free text (errors, stderr, hints).</summary>
    public string Redact(string text)
    {
        foreach (var value in Values.Where(v => v.Length >= MinimumSearchedLength).OrderByDescending(v => v.Length))
            text = text.Replace(value, SecretRedactor.Mask, StringComparison.Ordinal);
        return text;
    }

    private static string Mask(string word, Dictionary<string, string> masked)
    {
        if (masked.TryGetValue(word, out var shown))
            return shown;
        var equals = word.IndexOf('=');
        return word.StartsWith("--", StringComparison.Ordinal) && equals > 0 && masked.TryGetValue(word[(equals + 1)..], out shown)
            ? word[..(equals + 1)] + shown // --value=secret
            : word;
    }

    /// <summary>The document with sensitive members replaced by the mask (their values collected), or null when it
    /// has none or is not JSON the model describes (then the CLI refuses it anyway).</summary>
    private static string? MaskDocument(string document, AwsInvocation invocation, AwsCatalogue catalogue, List<string> values)
    {
        if (invocation.Service is not { } service || invocation.Command?.Operation is not { } operation)
            return null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(document);
        }
        catch (JsonException)
        {
            return null;
        }
        var detail = catalogue.GetDetail(service);
        if (root is null || !detail.Operations.TryGetValue(operation, out var op) || op.Input is not { } input)
            return null;
        var before = values.Count;
        var shown = Walk(root, input, detail.Shapes, values);
        return values.Count == before ? null : (shown ?? root).ToJsonString();
    }

    /// <summary>Returns a replacement for <paramref name="node"/> when the whole node is sensitive, else masks inside it.</summary>
    private static JsonNode? Walk(JsonNode? node, string shapeName, Dictionary<string, ShapeDetail> shapes, List<string> values)
    {
        if (node is null || !shapes.TryGetValue(shapeName, out var shape))
            return null;
        if (shape.Sensitive)
        {
            Collect(node, values);
            return JsonValue.Create(SecretRedactor.Mask);
        }
        switch (node)
        {
            case JsonObject obj when shape.Members is { } members:
                foreach (var member in members)
                    Replace(obj, member.Name, member.Shape, shapes, values);
                break;
            case JsonObject map when shape.Value is { } valueShape:
                foreach (var key in map.Select(p => p.Key).ToList())
                    Replace(map, key, valueShape, shapes, values);
                break;
            case JsonArray list when shape.Member is { } memberShape:
                for (var i = 0; i < list.Count; i++)
                {
                    if (Walk(list[i], memberShape, shapes, values) is { } replacement)
                        list[i] = replacement;
                }
                break;
        }
        return null;
    }

    private static void Replace(JsonObject obj, string name, string shape, Dictionary<string, ShapeDetail> shapes, List<string> values)
    {
        if (obj.TryGetPropertyValue(name, out var child) && Walk(child, shape, shapes, values) is { } replacement)
            obj[name] = replacement;
    }

    private static void Collect(JsonNode node, List<string> values)
    {
        switch (node)
        {
            case JsonValue value:
                values.Add(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                break;
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>())
                    Collect(child, values); // keys (a map's variable names) are labels, not secrets
                break;
            case JsonArray list:
                foreach (var child in list.OfType<JsonNode>())
                    Collect(child, values);
                break;
        }
    }
}
