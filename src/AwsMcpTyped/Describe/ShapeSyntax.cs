using System.Text;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Describe;

/// <summary>
/// Renders what a parameter looks like on the command line: the CLI's shorthand syntax and its JSON syntax,
/// from the service's shape graph. Recursive shapes are cut with "..." rather than expanded forever.
/// </summary>
internal sealed class ShapeSyntax(ServiceDetail service)
{
    private const int MaxDepth = 8;

    public ShapeDetail? Shape(string? name) => name is not null && service.Shapes.TryGetValue(name, out var shape) ? shape : null;

    /// <summary>The type word the CLI prints after an option: string, integer, list, structure, map, …</summary>
    public string TypeName(string? shapeName) => Shape(shapeName) is { } shape ? TypeName(shape) : "string";

    public static string TypeName(ShapeDetail shape) => shape.Document ? "document" : shape.Type;

    public static bool IsScalar(ShapeDetail? shape) => shape is null || shape.Type is not ("structure" or "list" or "map");

    /// <summary>Shorthand syntax for a list, structure or map; null for scalars and shapes too deep to write inline.</summary>
    public string? Shorthand(string shapeName)
    {
        var shape = Shape(shapeName);
        if (shape is null || IsScalar(shape) || shape.Document)
            return null;
        var text = shape.Type switch
        {
            "list" when IsScalar(Shape(shape.Member)) => QuotedScalarWord(Shape(shape.Member)) + " " + QuotedScalarWord(Shape(shape.Member)) + " ...",
            "list" => InlineValue(Shape(shape.Member), 0, topLevel: true) + " ...",
            _ => InlineValue(shape, 0, topLevel: true),
        };
        return text.Length <= 400 ? text : null;
    }

    private string InlineValue(ShapeDetail? shape, int depth, bool topLevel = false)
    {
        if (shape is null || IsScalar(shape))
            return ScalarWord(shape);
        if (depth > 3)
            return "{...}";
        switch (shape.Type)
        {
            case "list":
                var member = Shape(shape.Member);
                return IsScalar(member) ? ScalarWord(member) + "," + ScalarWord(member) : "[" + InlineValue(member, depth + 1) + "," + InlineValue(member, depth + 1) + "]";
            case "map":
                var value = InlineValue(Shape(shape.Value), depth + 1);
                var body = $"KeyName1={value},KeyName2={value}";
                return topLevel ? body : "{" + body + "}";
            default:
                var members = string.Join(",", (shape.Members ?? []).Select(m => m.Name + "=" + InlineValue(Shape(m.Shape), depth + 1)));
                return topLevel ? members : "{" + members + "}";
        }
    }

    /// <summary>A top-level list of strings is written <c>"string" "string" ...</c>, as the CLI does.</summary>
    private static string QuotedScalarWord(ShapeDetail? shape) =>
        shape is null or { Type: "string", Enum: null or { Count: 0 } } ? "\"string\"" : ScalarWord(shape);

    private static string ScalarWord(ShapeDetail? shape) => shape switch
    {
        null => "string",
        { Enum: { Count: > 0 } values } when values.Count <= 6 => string.Join("|", values),
        _ => TypeName(shape),
    };

    /// <summary>JSON syntax in the CLI's style: <c>{"Name": "string", "Values": ["string", ...]}</c>, indented.</summary>
    public string Json(string shapeName)
    {
        var text = new StringBuilder();
        WriteJson(text, Shape(shapeName), 0, []);
        return text.ToString();
    }

    private void WriteJson(StringBuilder text, ShapeDetail? shape, int indent, HashSet<ShapeDetail> path)
    {
        if (shape is null || IsScalar(shape) || shape.Document)
        {
            text.Append(JsonScalar(shape));
            return;
        }
        if (!path.Add(shape) || path.Count > MaxDepth)
        {
            text.Append(shape.Type == "list" ? "[ ... ]" : "{ ... }");
            return;
        }
        var pad = new string(' ', indent + 2);
        switch (shape.Type)
        {
            case "list":
                var member = Shape(shape.Member);
                if (IsScalar(member))
                {
                    text.Append('[').Append(JsonScalar(member)).Append(", ...]");
                }
                else
                {
                    text.Append("[\n").Append(pad);
                    WriteJson(text, member, indent + 2, path);
                    text.Append('\n').Append(pad).Append("...\n").Append(' ', indent).Append(']');
                }
                break;
            case "map":
                text.Append("{\n").Append(pad).Append("\"string\": ");
                WriteJson(text, Shape(shape.Value), indent + 2, path);
                text.Append("\n").Append(pad).Append("...\n").Append(' ', indent).Append('}');
                break;
            default:
                text.Append("{\n");
                var members = shape.Members ?? [];
                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(pad).Append('"').Append(members[i].Name).Append("\": ");
                    WriteJson(text, Shape(members[i].Shape), indent + 2, path);
                    text.Append(i < members.Count - 1 ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append('}');
                break;
        }
        path.Remove(shape);
    }

    private static string JsonScalar(ShapeDetail? shape) => shape switch
    {
        null => "\"string\"",
        { Document: true } => "{...}",
        { Enum: { Count: > 0 } values } => string.Join("|", values.Select(v => "\"" + v + "\"")),
        { Type: "integer" or "long" } => "integer",
        { Type: "float" or "double" } => "double",
        { Type: "boolean" } => "true|false",
        { Type: "timestamp" } => "timestamp",
        { Type: "blob" } => "blob",
        _ => "\"string\"",
    };
}
