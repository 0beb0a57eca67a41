using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Describe;

/// <summary>A service overview: its description and its commands with one-line summaries. A pattern such as
/// <c>describe-*</c> narrows the list; big services are cut with a note saying how to narrow it.</summary>
internal sealed class ServicePage(ServiceDescriptor service, ServiceDetail detail)
{
    public string Render(int budget, string? pattern = null)
    {
        var commands = service.Commands.Where(c => !c.IsHidden && (pattern is null || Glob.IsMatch(pattern, c.Name))).ToList();
        var page = new StringBuilder();
        page.Append(service.Name);
        if (service.FullName is { } title)
            page.Append(" - ").Append(title);
        if (service.ApiVersion is { } version)
            page.Append(" (API ").Append(version).Append(')');
        page.Append("\n\n");
        if (service.AliasOf is not null)
            page.Append("  An alias of ").Append(service.AliasOf).Append(".\n\n");

        if (pattern is null)
        {
            page.Append("DESCRIPTION\n");
            var overview = detail.Documentation ?? (detail.CustomCommands.TryGetValue("", out var group) ? group.Description : null);
            TextWrapper.AppendWrapped(page, FirstParagraphs(overview, 4), 2);
            page.Append('\n');
        }

        page.Append(pattern is null ? "AVAILABLE COMMANDS" : $"COMMANDS MATCHING {pattern}").Append(" (").Append(commands.Count).Append(")\n");
        var nameWidth = Math.Min(48, commands.Select(c => c.Name.Length).DefaultIfEmpty(0).Max());
        var shown = 0;
        foreach (var command in commands)
        {
            var line = $"  {command.Name.PadRight(nameWidth)}  [{command.Access.ToWireName()}] {Summary(command)}\n";
            if (page.Length + line.Length > budget - 400)
                break;
            page.Append(line);
            shown++;
        }
        if (shown < commands.Count)
        {
            var prefixes = commands.Skip(shown).Select(c => c.Name.Split('-', ' ')[0]).GroupBy(p => p).OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Key}-* ({g.Count()})");
            page.Append($"\n[{commands.Count - shown} more commands not shown. Narrow the list with a pattern as the command, e.g. command=\"{commands[shown].Name.Split('-', ' ')[0]}-*\"; " +
                        $"remaining groups: {string.Join(", ", prefixes)}.]\n");
        }
        if (commands.Count == 0 && pattern is not null)
            page.Append("  (none)\n");
        return page.ToString();
    }

    private string Summary(CommandDescriptor command)
    {
        if (command.Kind == CommandKind.Custom)
            return detail.CustomCommands.TryGetValue(command.Name, out var custom) ? TextWrapper.Summary(custom.Summary ?? custom.Description, 90) : "";
        if (command.Kind == CommandKind.Waiter)
            return "Wait until a condition is met (polls " + command.Operation + ").";
        return command.Operation is not null && detail.Operations.TryGetValue(command.Operation, out var operation)
            ? TextWrapper.Summary(operation.Documentation, 90)
            : "";
    }

    private static string? FirstParagraphs(string? text, int count) =>
        text is null ? null : string.Join("\n\n", text.Split("\n\n").Take(count));
}
