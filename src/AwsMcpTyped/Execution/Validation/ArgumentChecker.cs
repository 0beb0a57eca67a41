using System.Globalization;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// Checks a command's own arguments: names (with did-you-mean), how many values each takes, positional values,
/// required arguments (unless --cli-input-json or v2's --cli-input-yaml supplies them), and values that are cheap to check here
/// (integers, numbers, enum values, a customization's choices).
/// </summary>
internal sealed class ArgumentChecker(ServiceDescriptor service, CommandDescriptor command, ServiceDetail detail, OtherCliVersion? other = null)
{
    private static readonly string[] ParamFilePrefixes = ["file://", "fileb://", "http://", "https://"];

    /// <summary>The arguments parsed as the CLI would, or why they are refused.</summary>
    public (ParsedArguments? Parsed, Rejection? Rejection) Check(IReadOnlyList<string> tokens)
    {
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        var seenMembers = new HashSet<string>(StringComparer.Ordinal);
        var options = new List<ParsedOption>();
        var positionalValues = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (name, inline) = AwsStageValidator.SplitOption(tokens[i]);
            if (name is null)
            {
                positionalValues.Add(tokens[i]);
                continue;
            }
            var argument = command.Arguments.FirstOrDefault(a => a.Name == name && !a.IsPositional);
            if (argument is null)
            {
                if (other?.Argument(service.Name, command.Name, name) is { } otherVersion)
                    return (null, Reject(RejectionKind.UnknownName, otherVersion));
                return (null, Reject(RejectionKind.UnknownName, $"Unknown option '{name}' for 'aws {service.Name} {command.Name}'." +
                    NameSuggester.DidYouMean(name, command.Arguments.Where(a => !a.IsHidden && !a.IsPositional).Select(a => a.Name)) +
                    $" Use describe_command with service=\"{service.Name}\", command=\"{command.Name}\" for its options."));
            }
            var arity = argument.Values;
            var values = new List<string>();
            if (inline is not null)
            {
                if (arity.Max == 0)
                    return (null, Reject(RejectionKind.InvalidArgument, $"{name} is a flag and takes no value (use {name} or its --no- form)."));
                values.Add(inline);
            }
            else
            {
                while (values.Count < arity.Max && i + 1 < tokens.Count && !IsOption(tokens[i + 1]))
                    values.Add(tokens[++i]);
            }
            if (values.Count < arity.Min)
                return (null, Reject(RejectionKind.InvalidArgument, $"{name} needs a value."));
            foreach (var value in values)
            {
                if (CheckValue(argument, value) is { } problem)
                    return (null, Reject(RejectionKind.InvalidArgument, problem));
            }
            seenNames.Add(argument.Name);
            if (argument.Member is not null)
                seenMembers.Add(argument.Member);
            options.Add(new ParsedOption(argument, values));
        }
        var (positionals, rejection) = BindPositionals(positionalValues);
        rejection ??= CheckRequired(seenNames, seenMembers);
        return rejection is null ? (new ParsedArguments(options, positionals!), null) : (null, rejection);
    }

    /// <summary>Binds positional values to the positional arguments in order, as argparse does.</summary>
    private (List<ParsedPositional>? Bound, Rejection? Rejection) BindPositionals(List<string> values)
    {
        var positionals = command.Arguments.Where(a => a.IsPositional).ToList();
        var arities = positionals.Select(p => p.Values).ToList();
        var max = arities.Aggregate(0L, (sum, a) => sum + a.Max);
        var min = arities.Sum(a => a.Min);
        if (values.Count > max)
        {
            var extra = values[(int)Math.Min(max, values.Count - 1)];
            return (null, Reject(RejectionKind.InvalidArgument, positionals.Count == 0
                ? $"Unexpected value '{extra}': 'aws {service.Name} {command.Name}' takes no positional values. Did you forget an option name before it?"
                : $"Unexpected extra value '{extra}' for 'aws {service.Name} {command.Name}' (it takes {string.Join(", ", positionals.Select(p => p.Name))})."));
        }
        if (values.Count < min)
            return (null, Reject(RejectionKind.InvalidArgument, $"'aws {service.Name} {command.Name}' needs {string.Join(" and ", positionals.Where(p => p.IsRequired).Select(p => "<" + p.Name + ">"))}."));
        var bound = new List<ParsedPositional>(values.Count);
        for (int p = 0, next = 0; p < positionals.Count && next < values.Count; p++)
        {
            for (var taken = 0; taken < arities[p].Max && next < values.Count; taken++)
                bound.Add(new ParsedPositional(positionals[p], values[next++]));
        }
        return (bound, null);
    }

    private Rejection? CheckRequired(HashSet<string> names, HashSet<string> members)
    {
        if (names.Contains("--cli-input-json") || names.Contains("--cli-input-yaml") || names.Contains("--generate-cli-skeleton"))
            return null; // the JSON may carry the required members; the CLI checks it
        var missing = command.Arguments
            .Where(a => a.IsRequired && !a.IsPositional && !a.IsNegation && !names.Contains(a.Name) && (a.Member is null || !members.Contains(a.Member)))
            .Select(a => a.Name)
            .ToList();
        return missing.Count == 0 ? null
            : Reject(RejectionKind.InvalidArgument, $"'aws {service.Name} {command.Name}' needs {string.Join(", ", missing)}.");
    }

    private string? CheckValue(ArgumentDescriptor argument, string value)
    {
        if (ParamFilePrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            return null; // the CLI loads the value from there
        switch (argument.Type)
        {
            case ArgumentType.Integer or ArgumentType.Long when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return $"{argument.Name} takes a whole number, not '{value}'.";
            case ArgumentType.Float or ArgumentType.Double when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return $"{argument.Name} takes a number, not '{value}'.";
        }
        var choices = argument.Member is not null ? EnumValues(argument.Member) : CustomArgument(argument.Name)?.Choices;
        if (choices is { Count: > 0 } && argument.Type == ArgumentType.String && !choices.Contains(value))
            return $"{argument.Name} must be one of: {string.Join(", ", choices.Take(40))}{(choices.Count > 40 ? ", …" : "")}; got '{value}'.";
        return null;
    }

    private List<string>? EnumValues(string member)
    {
        var input = command.Operation is not null && detail.Operations.TryGetValue(command.Operation, out var operation) ? operation.Input : null;
        if (input is null || !detail.Shapes.TryGetValue(input, out var inputShape))
            return null;
        var target = inputShape.Members?.FirstOrDefault(m => m.Name == member)?.Shape;
        return target is not null && detail.Shapes.TryGetValue(target, out var shape) ? shape.Enum : null;
    }

    private CustomArgumentDetail? CustomArgument(string name) =>
        command.Kind == CommandKind.Custom && detail.CustomCommands.TryGetValue(command.Name, out var custom)
            ? custom.Arguments.FirstOrDefault(a => a.Name == name)
            : null;

    private static bool IsOption(string token) => token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2;

    private static Rejection Reject(RejectionKind kind, string message) => new(kind, message);
}
