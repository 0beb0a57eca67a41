using System.Text;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Describe;

/// <summary>Writes a shape's members as the CLI's help does: <c>Name -> (type)</c>, its documentation,
/// enum values, and nested members indented below, to a maximum depth.</summary>
internal sealed class MemberWriter(ShapeSyntax syntax)
{
    public void WriteNested(StringBuilder output, string shapeName, int indent, int maxDepth, bool withDocs = true)
        => WriteShapeBody(output, syntax.Shape(shapeName), indent, 0, maxDepth, withDocs, []);

    private void WriteShapeBody(StringBuilder output, ShapeDetail? shape, int indent, int depth, int maxDepth, bool withDocs, HashSet<ShapeDetail> path)
    {
        if (shape is null)
            return;
        if (depth >= maxDepth || !path.Add(shape))
        {
            if (!ShapeSyntax.IsScalar(shape))
                output.Append(' ', indent).Append("(…)\n");
            return;
        }
        switch (shape.Type)
        {
            case "structure":
                foreach (var member in shape.Members ?? [])
                    WriteMember(output, member, shape, indent, depth, maxDepth, withDocs, path);
                break;
            case "list":
                var element = syntax.Shape(shape.Member);
                output.Append(' ', indent).Append('(').Append(element is null ? "string" : ShapeSyntax.TypeName(element)).Append(")\n");
                if (element is not null && withDocs && element.Type != "structure")
                    TextWrapper.AppendWrapped(output, element.Documentation, indent + 2);
                WriteEnum(output, element, indent + 2);
                if (element is { Type: "structure" })
                    WriteShapeBody(output, element, indent + 2, depth + 1, maxDepth, withDocs, path);
                else if (!ShapeSyntax.IsScalar(element))
                    WriteShapeBody(output, element, indent + 2, depth + 1, maxDepth, withDocs, path);
                break;
            case "map":
                output.Append(' ', indent).Append("key -> (").Append(syntax.TypeName(shape.Key)).Append(")\n");
                var value = syntax.Shape(shape.Value);
                output.Append(' ', indent).Append("value -> (").Append(syntax.TypeName(shape.Value)).Append(")\n");
                if (!ShapeSyntax.IsScalar(value))
                    WriteShapeBody(output, value, indent + 2, depth + 1, maxDepth, withDocs, path);
                break;
        }
        path.Remove(shape);
    }

    private void WriteMember(StringBuilder output, MemberDetail member, ShapeDetail parent, int indent, int depth, int maxDepth, bool withDocs, HashSet<ShapeDetail> path)
    {
        var target = syntax.Shape(member.Shape);
        output.Append(' ', indent).Append(member.Name).Append(" -> (").Append(target is null ? "string" : ShapeSyntax.TypeName(target)).Append(')');
        if (parent.Required?.Contains(member.Name) == true)
            output.Append(" [required]");
        output.Append('\n');
        if (withDocs)
        {
            TextWrapper.AppendWrapped(output, member.Documentation ?? target?.Documentation, indent + 2);
            WriteConstraints(output, target, indent + 2);
        }
        WriteEnum(output, target, indent + 2);
        if (!ShapeSyntax.IsScalar(target))
            WriteShapeBody(output, target, indent + 2, depth + 1, maxDepth, withDocs, path);
        if (withDocs)
            output.Append('\n');
    }

    public static void WriteEnum(StringBuilder output, ShapeDetail? shape, int indent)
    {
        if (shape?.Enum is not { Count: > 0 } values)
            return;
        output.Append(' ', indent).Append("Possible values: ").Append(string.Join(", ", values)).Append('\n');
    }

    public static void WriteConstraints(StringBuilder output, ShapeDetail? shape, int indent)
    {
        if (shape is null)
            return;
        var parts = new List<string>();
        if (shape.Min is { } min)
            parts.Add((shape.Type is "string" or "list" or "map" or "blob" ? "min length " : "min ") + min);
        if (shape.Max is { } max)
            parts.Add((shape.Type is "string" or "list" or "map" or "blob" ? "max length " : "max ") + max);
        if (shape.Pattern is { Length: <= 80 } pattern)
            parts.Add("pattern " + pattern);
        if (parts.Count > 0)
            output.Append(' ', indent).Append("Constraints: ").Append(string.Join(", ", parts)).Append('\n');
    }
}
