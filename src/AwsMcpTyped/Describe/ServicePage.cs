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
            if (service.BotocoreName is null)
                TextWrapper.AppendIndented(page, detail.Documentation, 2); // captured from the CLI, already laid out
            else
                TextWrapper.AppendWrapped(page, FirstParagraphs(detail.Documentation, 4), 2);
            page.Append('\n');
        }

        var header = (pattern is null ? "AVAILABLE COMMANDS" : $"COMMANDS MATCHING {pattern}") + $" ({commands.Count})\n";
        var listing = SummaryListing(commands);
        if (page.Length + header.Length + listing.Length > budget && commands.Count > 0)
        {
            // Too many for one line each: group by leading verb, names only, and say how to get summaries.
            header = (pattern is null ? "AVAILABLE COMMANDS" : $"COMMANDS MATCHING {pattern}") +
                     $" ({commands.Count}), grouped by their first word; for one-line summaries narrow with a pattern, e.g. command=\"{BiggestGroup(commands)}-*\"\n";
            listing = GroupedListing(commands);
        }
        page.Append(header);
        if (commands.Count == 0)
            page.Append("  (none)\n");
        page.Append(listing);
        return PageBudget.Trim(page.ToString(), "Narrow the list with a pattern as the command, e.g. command=\"describe-*\".", budget);
    }

    private string SummaryListing(IReadOnlyList<CommandDescriptor> commands)
    {
        var nameWidth = Math.Min(40, commands.Select(c => c.Name.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        foreach (var command in commands)
        {
            text.Append("  ").Append(command.Name.PadRight(nameWidth)).Append("  [").Append(command.Access.ToWireName()).Append("] ")
                .Append(Summary(command)).Append('\n');
        }
        return text.ToString();
    }

    private static string GroupedListing(IReadOnlyList<CommandDescriptor> commands)
    {
        var text = new StringBuilder();
        foreach (var group in commands.GroupBy(Verb).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rest = group.Select(c => c.Name.Length > group.Key.Length ? c.Name[(group.Key.Length + 1)..] : "(" + c.Name + ")");
            var line = new StringBuilder().Append("  ").Append(group.Key).Append("-* (").Append(group.Count()).Append("): ").Append(string.Join(", ", rest));
            TextWrapper.AppendWrapped(text, line.ToString().TrimStart(), 2);
        }
        return text.ToString();
    }

    private static string Verb(CommandDescriptor command) => command.Name.Split('-', ' ')[0];

    private static string BiggestGroup(IEnumerable<CommandDescriptor> commands) =>
        commands.GroupBy(Verb).OrderByDescending(g => g.Count()).First().Key;

    private string Summary(CommandDescriptor command)
    {
        if (command.Kind == CommandKind.Custom)
            return detail.CustomCommands.TryGetValue(command.Name, out var custom) ? DocText.FirstSentence(custom.Summary ?? custom.Description, 90) : "";
        if (command.Kind == CommandKind.Waiter)
            return "Wait until a condition is met (polls " + command.Operation + ").";
        return command.Operation is not null && detail.Operations.TryGetValue(command.Operation, out var operation)
            ? DocText.FirstSentence(operation.Documentation, 90)
            : "";
    }

    private static string? FirstParagraphs(string? text, int count) =>
        text is null ? null : string.Join("\n\n", text.Split("\n\n").Take(count));
}
