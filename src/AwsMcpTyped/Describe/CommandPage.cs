using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Describe;

/// <summary>
/// The help page of an operation or wait command, laid out like <c>aws &lt;svc&gt; &lt;cmd&gt; help</c>:
/// NAME, DESCRIPTION, SYNOPSIS, OPTIONS (type, required, enum values, shorthand/JSON syntax), GLOBAL OPTIONS,
/// EXAMPLES, OUTPUT. Rendered from the model on demand; when the full page is over budget it is rendered again
/// compactly (first paragraphs, shallower structures) before anything is cut.
/// </summary>
internal sealed class CommandPage(ServiceDetail detail, CommandDescriptor command, CliDialects dialect)
{
    private readonly ShapeSyntax _syntax = new(detail);

    /// <summary>How much goes on the page: each level drops what is easiest to get back by drilling down.</summary>
    private enum Level
    {
        /// <summary>Everything: option docs and syntax, output structure four levels deep with docs.</summary>
        Full,
        /// <summary>Option docs and syntax in full; output two levels deep, names and types only.</summary>
        ShallowOutput,
        /// <summary>As <see cref="ShallowOutput"/>, with each option's documentation cut at <see cref="CappedDocCharacters"/>.</summary>
        CappedOptions,
        /// <summary>First paragraph and shorthand per option; top-level output names only.</summary>
        Compact,
    }

    private const int CappedDocCharacters = 1_200;

    public string Render(int budget)
    {
        var full = Render(Level.Full);
        if (full.Length <= budget)
            return full;
        foreach (var level in new[] { Level.ShallowOutput, Level.CappedOptions })
        {
            var page = Render(level);
            if (page.Length <= budget)
                return page;
        }
        return PageBudget.Trim(Render(Level.Compact),
            $"The full page is {full.Length:N0} characters. Describe one option with parameter=\"--name\" for its full documentation and structure.",
            budget);
    }

    private string Render(Level level)
    {
        var compact = level == Level.Compact;
        var operation = command.Operation is not null && detail.Operations.TryGetValue(command.Operation, out var op) ? op : null;
        var input = _syntax.Shape(operation?.Input);
        var page = new StringBuilder();

        page.Append("NAME\n  ").Append(command.Name).Append(" - ").Append(DocText.FirstSentence(Description(operation), 120)).Append("\n\n");

        page.Append("DESCRIPTION\n");
        var description = Description(operation);
        TextWrapper.AppendWrapped(page, compact ? FirstParagraphs(description, 2) : description, 2);
        if (operation?.Deprecated == true)
            page.Append("\n  Deprecated: ").Append(operation.DeprecatedMessage ?? "this operation is deprecated.").Append('\n');
        if (command.Kind == CommandKind.Operation && (command.Flags & CommandFlags.Paginated) != 0)
        {
            page.Append('\n');
            TextWrapper.AppendWrapped(page,
                $"{command.Name} is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. " +
                "You can disable pagination by providing the --no-paginate argument." +
                ResultKeys(operation), 2);
        }
        page.Append("\n  Access: ").Append(command.Access.ToWireName()).Append('\n');
        page.Append("  IAM actions: ").Append(IamActions(command)).Append("\n\n");

        page.Append("SYNOPSIS\n  ").Append(command.Name).Append('\n');
        foreach (var argument in VisibleArguments().Where(a => !a.IsNegation || !HasPositive(a)))
            page.Append("    ").Append(SynopsisEntry(argument)).Append('\n');
        page.Append('\n');

        page.Append("OPTIONS\n");
        foreach (var argument in VisibleArguments().Where(a => !a.IsNegation))
        {
            WriteOption(page, argument, input, level);
            page.Append('\n');
        }

        page.Append("GLOBAL OPTIONS\n");
        TextWrapper.AppendWrapped(page, GlobalOptions.Summary(dialect), 2);
        page.Append('\n');

        if (detail.CliExamples.TryGetValue(command.Name, out var cliExamples))
        {
            page.Append("EXAMPLES\n");
            TextWrapper.AppendWrapped(page, detail.CliExamplesNote, 2);
            page.Append('\n');
            var budget = level switch { Level.Full or Level.ShallowOutput => int.MaxValue, Level.CappedOptions => 4_000, _ => 1_500 };
            TextWrapper.AppendWrapped(page, CapExamples(cliExamples, budget), 2);
            page.Append('\n');
        }
        else if (operation?.Examples is { Count: > 0 } examples)
        {
            page.Append("EXAMPLES\n");
            foreach (var example in compact ? examples.Take(1) : examples)
                WriteExample(page, example);
        }

        if (_syntax.Shape(operation?.Output) is { Members.Count: > 0 } && command.Kind == CommandKind.Operation)
        {
            page.Append("OUTPUT\n");
            new MemberWriter(_syntax).WriteNested(page, operation!.Output!, 2, level switch { Level.Full => 4, Level.Compact => 1, _ => 2 }, withDocs: level == Level.Full);
        }
        else if (command.Kind == CommandKind.Operation)
        {
            page.Append("OUTPUT\n  None\n");
        }
        return page.ToString();
    }

    private string? Description(OperationDetail? operation) =>
        command.Kind == CommandKind.Waiter && detail.Waiters.Values.FirstOrDefault(w => w.Command == command.Name) is { } waiter
            ? waiter.Description
            : operation?.Documentation;

    private static string ResultKeys(OperationDetail? operation) =>
        operation?.Paginator is { ResultKeys.Count: > 0 } paginator
            ? " When using --output text and the --query argument on a paginated response, the --query argument must extract data from the results of the following query expressions: " +
              string.Join(", ", paginator.ResultKeys)
            : "";

    private IEnumerable<ArgumentDescriptor> VisibleArguments() => command.Arguments.Where(a => !a.IsHidden);

    private bool HasPositive(ArgumentDescriptor negation) =>
        command.Arguments.Any(a => !a.IsNegation && a.Member is not null && a.Member == negation.Member && !a.IsHidden);

    private string SynopsisEntry(ArgumentDescriptor argument)
    {
        if (argument.IsPositional)
            return "<" + argument.Name + ">";
        if (argument.Type == ArgumentType.Boolean && argument.Member is not null)
        {
            var negation = command.Arguments.FirstOrDefault(a => a.IsNegation && a.Member == argument.Member && !a.IsHidden);
            if (!argument.IsNegation && negation is not null)
                return argument.IsRequired ? $"{argument.Name} | {negation.Name}" : $"[{argument.Name} | {negation.Name}]";
            return argument.IsRequired ? argument.Name : $"[{argument.Name}]";
        }
        return argument.IsRequired ? $"{argument.Name} <value>" : $"[{argument.Name} <value>]";
    }

    private void WriteOption(StringBuilder page, ArgumentDescriptor argument, ShapeDetail? input, Level level)
    {
        var compact = level == Level.Compact;
        var member = argument.Member is null ? null : input?.Members?.FirstOrDefault(m => m.Name == argument.Member);
        var shape = _syntax.Shape(member?.Shape);
        var negation = command.Arguments.FirstOrDefault(a => a.IsNegation && a.Member is not null && a.Member == argument.Member);
        page.Append("  ").Append(argument.Name);
        if (negation is not null)
            page.Append(" | ").Append(negation.Name);
        page.Append(" (").Append(shape is null ? argument.Type.ToString().ToLowerInvariant() : ShapeSyntax.TypeName(shape)).Append(')');
        if (argument.IsRequired)
            page.Append(" [required]");
        page.Append('\n');

        var doc = member?.Documentation ?? shape?.Documentation ?? BuiltInHelp(argument.Name);
        if (level == Level.CappedOptions && doc is { Length: > CappedDocCharacters })
            doc = doc[..doc.LastIndexOf(' ', CappedDocCharacters)] + $" … [{doc.Length:N0} characters in all: describe parameter=\"{argument.Name}\" for the rest]";
        TextWrapper.AppendWrapped(page, compact ? FirstParagraphs(doc, 1) : doc, 4);
        MemberWriter.WriteEnum(page, shape, 4);
        if (shape is null || ShapeSyntax.IsScalar(shape))
            return;
        if (compact)
        {
            if (_syntax.Shorthand(member!.Shape) is { } shortSyntax)
                page.Append("    Shorthand Syntax: ").Append(shortSyntax).Append('\n');
            return;
        }
        if (_syntax.Shorthand(member!.Shape) is { } shorthand)
            page.Append("\n    Shorthand Syntax:\n      ").Append(shorthand).Append('\n');
        page.Append("\n    JSON Syntax:\n");
        foreach (var line in _syntax.Json(member.Shape).Split('\n'))
            page.Append("      ").Append(line).Append('\n');
    }

    internal static string? BuiltInHelp(string name) => name switch
    {
        "--cli-input-json" => "Reads arguments from the JSON string provided. The JSON string follows the format provided by --generate-cli-skeleton. If other arguments are provided on the command line, those values will override the JSON-provided values.",
        "--generate-cli-skeleton" => "Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value input, prints a sample input JSON that can be used as an argument for --cli-input-json. If provided with the value output, it validates the command inputs and returns a sample output JSON for that command.",
        "--starting-token" => "A token to specify where to start paginating. This is the NextToken from a previously truncated response.",
        "--page-size" => "The size of each page to get in the AWS service call. This does not affect the number of items returned in the command's output. Setting a smaller page size results in more calls to the AWS service, retrieving fewer items in each call.",
        "--max-items" => "The total number of items to return in the command's output. If the total number of items available is more than the value specified, a NextToken is provided in the command's output. To resume pagination, provide the NextToken value in the starting-token argument of a subsequent command.",
        "outfile" => "Filename where the content will be saved.",
        _ => null,
    };

    private static void WriteExample(StringBuilder page, ExampleDetail example)
    {
        page.Append("  ").Append(example.Title ?? "Example").Append('\n');
        TextWrapper.AppendWrapped(page, example.Description, 4);
        if (example.Input is not null)
            page.Append("    Input:  ").Append(example.Input).Append('\n');
        if (example.Output is not null)
            page.Append("    Output: ").Append(example.Output.Length > 600 ? example.Output[..600] + " …" : example.Output).Append('\n');
        page.Append('\n');
    }

    /// <summary>Whole paragraphs of the CLI's examples up to <paramref name="budget"/> characters, then a note.</summary>
    private static string CapExamples(string examples, int budget)
    {
        if (examples.Length <= budget)
            return examples;
        var kept = new List<string>();
        var length = 0;
        foreach (var paragraph in examples.Split("\n\n"))
        {
            if (length + paragraph.Length > budget && kept.Count > 0)
                break;
            kept.Add(paragraph);
            length += paragraph.Length + 2;
        }
        kept.Add($"[{examples.Length - length:N0} more characters of examples left out to keep this page small.]");
        return string.Join("\n\n", kept);
    }

    private static string? FirstParagraphs(string? text, int count) =>
        text is null ? null : string.Join("\n\n", text.Split("\n\n").Take(count));

    /// <summary>The IAM actions line shown with the access class: what a policy must allow for the command to run.</summary>
    internal static string IamActions(CommandDescriptor command) => command.Actions.Count > 0
        ? string.Join(", ", command.Actions)
        // A customization with none calls nothing in AWS; an operation with none is one IAM does not authorize.
        : command.Kind == CommandKind.Custom ? "none (calls no AWS API)" : "none (not in the IAM reference)";
}
