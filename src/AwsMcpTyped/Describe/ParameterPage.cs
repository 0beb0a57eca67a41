using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Describe;

/// <summary>One option of one command in full: documentation, constraints, enum values, shorthand and JSON
/// syntax, and the complete nested structure of its members.</summary>
internal sealed class ParameterPage(ServiceDetail detail, CommandDescriptor command, ArgumentDescriptor argument)
{
    private const int MaxStructureDepth = 10;

    public string Render()
    {
        var syntax = new ShapeSyntax(detail);
        var operation = command.Operation is not null ? detail.Operations.GetValueOrDefault(command.Operation) : null;
        var input = syntax.Shape(operation?.Input);
        var member = argument.Member is null ? null : input?.Members?.FirstOrDefault(m => m.Name == argument.Member);
        var shape = syntax.Shape(member?.Shape);

        var page = new StringBuilder();
        page.Append(argument.Name).Append(" (").Append(shape is null ? argument.Type.ToString().ToLowerInvariant() : ShapeSyntax.TypeName(shape)).Append(')');
        if (argument.IsRequired)
            page.Append(" [required]");
        page.Append("\n  Command: ").Append(command.Name);
        if (argument.Member is not null)
            page.Append("\n  API member: ").Append(operation?.Input).Append('.').Append(argument.Member);
        page.Append("\n\n");
        TextWrapper.AppendWrapped(page, member?.Documentation ?? shape?.Documentation ?? CommandPage.BuiltInHelp(argument.Name) ?? "(no documentation)", 2);
        MemberWriter.WriteConstraints(page, shape, 2);
        MemberWriter.WriteEnum(page, shape, 2);
        if (shape is null || ShapeSyntax.IsScalar(shape))
            return page.ToString();

        if (syntax.Shorthand(member!.Shape) is { } shorthand)
            page.Append("\nShorthand Syntax:\n  ").Append(shorthand).Append('\n');
        page.Append("\nJSON Syntax:\n");
        foreach (var line in syntax.Json(member.Shape).Split('\n'))
            page.Append("  ").Append(line).Append('\n');
        page.Append("\nStructure:\n");
        new MemberWriter(syntax).WriteNested(page, member.Shape, 2, MaxStructureDepth);
        return page.ToString();
    }
}
