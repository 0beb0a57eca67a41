using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Describe;

/// <summary>Help for CLI customizations (s3 cp, configure set, …): the page captured from the installed CLI,
/// cleaned at build time, with our access class added; or one of its options.</summary>
internal static class CustomCommandPage
{
    public static string Render(CommandDescriptor command, CustomCommandDetail? help)
    {
        var page = new StringBuilder();
        if (help?.HelpPage is { Length: > 0 } text)
            page.Append(text.TrimEnd()).Append('\n');
        else
            page.Append("NAME\n  ").Append(command.Name).Append("\n\n").Append(help?.Description ?? "").Append('\n');
        page.Append("\nACCESS\n  ").Append(command.Access.ToWireName()).Append('\n');
        page.Append("  IAM actions: ").Append(CommandPage.IamActions(command)).Append('\n');
        return page.ToString();
    }

    public static string RenderArgument(CommandDescriptor command, ArgumentDescriptor argument, CustomArgumentDetail? help)
    {
        var page = new StringBuilder();
        page.Append(argument.Name).Append(" (").Append(help?.Type ?? argument.Type.ToString().ToLowerInvariant()).Append(')');
        if (argument.IsRequired)
            page.Append(" [required]");
        page.Append("\n  Command: ").Append(command.Name).Append("\n\n");
        TextWrapper.AppendWrapped(page, help?.Help ?? "(no documentation)", 2);
        if (help?.Choices is { Count: > 0 } choices)
            page.Append("  Possible values: ").Append(string.Join(", ", choices)).Append('\n');
        return page.ToString();
    }
}
