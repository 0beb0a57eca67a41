using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Describe;

/// <summary>
/// describe_command: help for a service, a command or one option, answered in-process from the generated
/// catalogue (no <c>aws help</c> subprocess, no ^H overstrikes, no network).
/// <list type="bullet">
/// <item><c>Describe("ec2")</c>: overview and commands with one-line summaries (<c>command</c> may be a pattern: <c>describe-*</c>);</item>
/// <item><c>Describe("ec2", "describe-instances")</c>: the page <c>aws ec2 describe-instances help</c> shows;</item>
/// <item><c>Describe("ec2", "describe-instances", "--filters")</c>: one option's full structure and syntax.</item>
/// </list>
/// Unknown names give a short error with the nearest known names.
/// </summary>
/// <remarks>It describes one CLI version: <paramref name="catalogue"/> as a version's view, or the merged catalogue
/// read as v2's; a name only the other version has gets a message that says so.</remarks>
public sealed class CommandDescriber(AwsCatalogue catalogue, int budget = PageBudget.DefaultCharacters)
{
    private readonly AwsCatalogue _catalogue = catalogue.SingleVersion;
    private readonly Execution.Validation.OtherCliVersion _other = new(catalogue.SingleVersion);

    public DescribeResult Describe(string service, string? command = null, string? parameter = null)
    {
        var serviceName = Normalize(service);
        if (serviceName.StartsWith("aws ", StringComparison.Ordinal))
            serviceName = serviceName[4..].Trim();
        var descriptor = _catalogue.FindService(serviceName);
        if (descriptor is null)
        {
            if (_other.Service(serviceName) is { } otherVersion)
                return DescribeResult.Error(otherVersion);
            return DescribeResult.Error(
                $"Unknown service '{service}'.{NameSuggester.DidYouMean(serviceName, _catalogue.VisibleServiceNames)} " +
                "Call describe_command with a service from the AWS CLI (e.g. \"ec2\", \"s3\", \"s3api\", \"lambda\").");
        }
        var detail = _catalogue.GetDetail(descriptor);
        var commandName = command is null ? null : Normalize(command);
        if (string.IsNullOrEmpty(commandName))
            return DescribeResult.Page(new ServicePage(descriptor, detail).Render(budget));
        if (Glob.IsPattern(commandName))
            return DescribeResult.Page(new ServicePage(descriptor, detail).Render(budget, commandName));

        var found = FindCommand(descriptor, commandName);
        if (found is null)
        {
            if (detail.RemovedCommands.TryGetValue(commandName, out var removedOperation))
            {
                return DescribeResult.Error(
                    $"'{descriptor.Name} {commandName}' ({removedOperation}) is in the AWS API but the AWS CLI does not offer it " +
                    "(event-stream operations and operations replaced by CLI customizations are left out). Use an SDK for it, or " +
                    $"call describe_command with service=\"{descriptor.Name}\" for the commands the CLI has.");
            }
            if (_other.Command(descriptor.Name, commandName) is { } otherVersion)
                return DescribeResult.Error(otherVersion);
            if (detail.CustomCommands.TryGetValue(commandName, out var group) || descriptor.Commands.Any(c => c.Name.StartsWith(commandName + " ", StringComparison.Ordinal)))
                return DescribeResult.Page(GroupPage(descriptor, detail, commandName, group?.HelpPage));
            return DescribeResult.Error(
                $"Unknown command '{command}' for service '{descriptor.Name}'.{NameSuggester.DidYouMean(commandName, descriptor.Commands.Where(c => !c.IsHidden).Select(c => c.Name))} " +
                $"Call describe_command with service=\"{descriptor.Name}\" alone to list its commands.");
        }

        if (Execution.Validation.InstalledCliSkew.Refusal(_catalogue, descriptor, found) is { } missing)
            return DescribeResult.Error(missing);
        if (string.IsNullOrWhiteSpace(parameter))
        {
            if (Execution.Validation.InstalledCliSkew.Note(_catalogue, descriptor, found) is { } note)
                return DescribeResult.Page(note + "\n\n" + new CommandPage(detail, found, _catalogue.Dialect).Render(budget));
            var page = found.Kind == CommandKind.Custom
                ? PageBudget.Trim(CustomCommandPage.Render(found, detail.CustomCommands.GetValueOrDefault(found.Name)),
                    "Describe one option with parameter=\"--name\".", budget)
                : new CommandPage(detail, found, _catalogue.Dialect).Render(budget);
            return DescribeResult.Page(page);
        }

        var argument = FindArgument(found, parameter.Trim());
        if (argument is null)
        {
            if (_other.Argument(descriptor.Name, found.Name, "--" + parameter.Trim().TrimStart('-').ToLowerInvariant()) is { } otherVersion)
                return DescribeResult.Error(otherVersion);
            return DescribeResult.Error(
                $"Unknown parameter '{parameter}' for '{descriptor.Name} {found.Name}'.{NameSuggester.DidYouMean(parameter.Trim().TrimStart('-'), found.Arguments.Where(a => !a.IsHidden).Select(a => a.Name))}");
        }
        if (found.Kind == CommandKind.Custom)
        {
            var help = detail.CustomCommands.GetValueOrDefault(found.Name)?.Arguments.FirstOrDefault(a => a.Name == argument.Name);
            return DescribeResult.Page(CustomCommandPage.RenderArgument(found, argument, help));
        }
        return DescribeResult.Page(PageBudget.Trim(new ParameterPage(detail, found, argument).Render(),
            "The structure is cut at this depth; the JSON syntax above shows the whole shape.", budget * 2));
    }

    /// <summary>Accepts the CLI spelling (describe-instances) or the API operation name (DescribeInstances).</summary>
    private static CommandDescriptor? FindCommand(ServiceDescriptor service, string name)
    {
        foreach (var command in service.Commands)
        {
            if (command.Name == name)
                return command;
        }
        foreach (var command in service.Commands)
        {
            if (command.Kind == CommandKind.Operation && string.Equals(command.Operation, name, StringComparison.OrdinalIgnoreCase))
                return command;
        }
        return null;
    }

    /// <summary>Accepts <c>--filters</c>, <c>filters</c> or the API member name <c>Filters</c>.</summary>
    private static ArgumentDescriptor? FindArgument(CommandDescriptor command, string parameter)
    {
        var lowered = parameter.ToLowerInvariant();
        var dashed = lowered.StartsWith('-') ? lowered : "--" + lowered;
        return command.Arguments.FirstOrDefault(a => a.Name == dashed && !a.IsNegation)
            ?? command.Arguments.FirstOrDefault(a => a.Name == lowered)
            ?? command.Arguments.FirstOrDefault(a => string.Equals(a.Member, parameter, StringComparison.OrdinalIgnoreCase) && !a.IsNegation)
            ?? command.Arguments.FirstOrDefault(a => a.Name == dashed);
    }

    private string GroupPage(ServiceDescriptor service, Catalogue.Detail.ServiceDetail detail, string group, string? helpPage)
    {
        var subcommands = service.Commands.Where(c => c.Name.StartsWith(group + " ", StringComparison.Ordinal) && !c.IsHidden).ToList();
        var text = helpPage ?? $"aws {service.Name} {group} <subcommand>\n";
        var list = string.Join("\n", subcommands.Select(c => $"  {c.Name}  [{c.Access.ToWireName()}]" +
            (c.Kind == CommandKind.Waiter && detail.Waiters.Values.FirstOrDefault(w => w.Command == c.Name) is { } waiter ? "  " + DocText.FirstSentence(waiter.Description, 100) : "")));
        return PageBudget.Trim($"{text.TrimEnd()}\n\nSUBCOMMANDS ({subcommands.Count})\n{list}\n", $"Narrow with a pattern, e.g. command=\"{group} a*\".", budget);
    }

    private static string Normalize(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
