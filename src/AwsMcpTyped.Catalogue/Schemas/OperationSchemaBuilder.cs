using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Catalogue.Schemas;

/// <summary>
/// JSON Schemas (draft 2020-12) for an operation's input and output, from the service's shape graph.
/// Property names are the API member names, as <c>--cli-input-json</c> takes them. Structures other than the
/// root go to <c>$defs</c> and are referenced, which keeps schemas of heavily reused or recursive shapes
/// (dynamodb AttributeValue, quicksight visuals) small and finite. Descriptions are first sentences.
/// </summary>
public sealed class OperationSchemaBuilder(ServiceDetail service)
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private readonly Dictionary<string, JsonNode> _definitions = new(StringComparer.Ordinal);
    private bool _closed;
    private readonly Queue<string> _pending = new();

    /// <summary>The input schema, or an empty-object schema when the operation takes no input.</summary>
    public JsonObject Input(string operation)
    {
        _closed = true;
        return Build(Operation(operation).Input, $"{operation} input", Operation(operation).Documentation);
    }

    /// <summary>The output schema, or an empty-object schema when the operation returns nothing.</summary>
    /// <summary>Open to unknown members (responses gain fields over time, and paginated CLI output adds NextToken).</summary>
    public JsonObject Output(string operation)
    {
        _closed = false;
        return Build(Operation(operation).Output, $"{operation} output", null);
    }

    private OperationDetail Operation(string name) =>
        service.Operations.TryGetValue(name, out var operation) ? operation
            : throw new ArgumentException($"{service.Name} has no operation {name}", nameof(name));

    private JsonObject Build(string? rootShape, string title, string? documentation)
    {
        _definitions.Clear();
        _pending.Clear();
        var schema = new JsonObject { ["$schema"] = Draft, ["title"] = title };
        if (DocText.FirstSentence(documentation, 300) is { Length: > 0 } description)
            schema["description"] = description;
        if (rootShape is null || !service.Shapes.TryGetValue(rootShape, out var root))
        {
            schema["type"] = "object";
            if (_closed)
                schema["additionalProperties"] = false;
            return schema;
        }
        foreach (var (key, value) in StructureSchema(root))
            schema[key] = value?.DeepClone();
        while (_pending.TryDequeue(out var name))
            _definitions[name] = StructureSchema(service.Shapes[name]);
        if (_definitions.Count > 0)
        {
            var definitions = new JsonObject();
            foreach (var (name, definition) in _definitions.OrderBy(p => p.Key, StringComparer.Ordinal))
                definitions[name] = definition;
            schema["$defs"] = definitions;
        }
        return schema;
    }

    private JsonObject StructureSchema(ShapeDetail shape)
    {
        var properties = new JsonObject();
        foreach (var member in shape.Members ?? [])
        {
            var property = ShapeSchema(member.Shape);
            var description = DocText.FirstSentence(member.Documentation, 200);
            if (description.Length > 0 && property is JsonObject propertyObject && !propertyObject.ContainsKey("$ref"))
                propertyObject["description"] = description;
            if (member.Deprecated && property is JsonObject deprecated)
                deprecated["deprecated"] = true;
            properties[member.Name] = property;
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (shape.Required is { Count: > 0 } required)
            schema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        if (shape.Union)
        {
            schema["minProperties"] = 1;
            schema["maxProperties"] = 1;
        }
        if (_closed)
            schema["additionalProperties"] = false;
        return schema;
    }

    private JsonNode ShapeSchema(string name)
    {
        if (!service.Shapes.TryGetValue(name, out var shape))
            return new JsonObject();
        if (shape.Document)
            return new JsonObject { ["description"] = "Any JSON value (a document type)." };
        switch (shape.Type)
        {
            case "structure":
                if (!_definitions.ContainsKey(name))
                {
                    _definitions[name] = new JsonObject(); // placeholder: marks it seen, so recursion ends here
                    _pending.Enqueue(name);
                }
                return new JsonObject { ["$ref"] = "#/$defs/" + name };
            case "list":
                var list = new JsonObject { ["type"] = "array", ["items"] = ShapeSchema(shape.Member ?? "") };
                AddCount(list, shape, "minItems", "maxItems");
                return list;
            case "map":
                var map = new JsonObject { ["type"] = "object", ["additionalProperties"] = ShapeSchema(shape.Value ?? "") };
                AddCount(map, shape, "minProperties", "maxProperties");
                return map;
            case "integer" or "long":
                var integer = new JsonObject { ["type"] = "integer" };
                AddRange(integer, shape);
                return integer;
            case "float" or "double":
                var number = new JsonObject { ["type"] = "number" };
                AddRange(number, shape);
                return number;
            case "boolean":
                return new JsonObject { ["type"] = "boolean" };
            case "timestamp":
                return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
            case "blob":
                return new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64" };
            default:
                var text = new JsonObject { ["type"] = "string" };
                if (shape.Enum is { Count: > 0 } values)
                    text["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
                AddCount(text, shape, "minLength", "maxLength");
                if (shape.Pattern is { } pattern && EcmaPattern.Convert(pattern) is { } ecma)
                    text["pattern"] = ecma;
                return text;
        }
    }

    private static void AddCount(JsonObject schema, ShapeDetail shape, string minKey, string maxKey)
    {
        if (shape.Min is { } min and > 0)
            schema[minKey] = (long)min;
        if (shape.Max is { } max)
            schema[maxKey] = (long)max;
    }

    private static void AddRange(JsonObject schema, ShapeDetail shape)
    {
        if (shape.Min is { } min)
            schema["minimum"] = min;
        if (shape.Max is { } max)
            schema["maximum"] = max;
    }
}
