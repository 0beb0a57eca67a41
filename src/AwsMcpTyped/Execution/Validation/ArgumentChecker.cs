using System.Runtime.CompilerServices;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution.Validation.Argparse;
using AwsMcpTyped.Execution.Validation.Values;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// Checks a command's own arguments the way the CLI's argument parser reads them (<see cref="ArgparseParser{T}"/>):
/// names and unique-prefix abbreviations (with did-you-mean), how many values each takes, positional values, required
/// arguments (unless <c>--cli-input-json</c>, v2's <c>--cli-input-yaml</c> or <c>--generate-cli-skeleton</c> is on the
/// command line), and the values the CLI checks before anything else: numbers, and a customization's choices. Enum
/// values are not checked: the CLI sends them as given.
/// </summary>
internal sealed class ArgumentChecker(CliDialects dialect, ServiceDescriptor service, CommandDescriptor command, Lazy<ServiceDetail> detail,
    OtherCliVersion? other = null, Lazy<bool>? decodesBlobs = null)
{
    private static readonly string[] ParamFilePrefixes = ["file://", "fileb://", "http://", "https://"];

    /// <summary>The options whose presence (spelled out in full: the CLI looks for the exact word) makes every other
    /// argument optional.</summary>
    private static readonly string[] RequiredOverriders = ["--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton"];

    /// <summary>Parsers per command, built once: [0] with required options enforced, [1] without.</summary>
    private static readonly ConditionalWeakTable<CommandDescriptor, ArgparseParser<ArgumentDescriptor?>[]> Parsers = new();

    private string CommandLine => $"aws {service.Name} {command.Name}".TrimEnd();

    /// <summary>The arguments parsed as the CLI would, or why they are refused.</summary>
    public (ParsedArguments? Parsed, Rejection? Rejection) Check(IReadOnlyList<string> tokens)
    {
        if (command.Kind == CommandKind.Custom && tokens is ["help"])
            return (null, HelpRefused()); // the custom commands' parser reads a lone "help" as help
        var overridden = tokens.Any(t => RequiredOverriders.Contains(t));
        var parser = Parsers.GetValue(command, c => [Build(c, enforceRequired: true), Build(c, enforceRequired: false)])[overridden ? 1 : 0];
        var result = parser.ParseKnownArgs(tokens);
        if (result.Error is { } error)
            return (null, Describe(error, tokens));

        // The operation parser's own "help" positional: help, or a word too many that the CLI lists after the
        // unknown options.
        // An empty word there is dropped, as the CLI tests it for truth.
        var help = result.Matches.FirstOrDefault(m => m.Action.Target is null)?.Values.FirstOrDefault() is { Length: > 0 } word ? word : null;
        if (help == "help")
            return (null, HelpRefused());
        var extras = result.Extras.Select(e => e.Word).Concat(help is null ? [] : [help]).ToList();
        if (extras.Count > 0)
            return (null, Unrecognized(extras[0]));

        var options = new List<ParsedOption>();
        var positionals = new List<ParsedPositional>();
        foreach (var match in result.Matches)
        {
            if (match.Action.Target is not { } argument)
                continue;
            foreach (var value in match.Values)
            {
                if (CheckValue(argument, value) is { } problem)
                    return (null, Reject(RejectionKind.InvalidArgument, problem));
            }
            if (ValueProblem(argument, match.Values) is { } valueProblem)
                return (null, Reject(RejectionKind.InvalidArgument, valueProblem));
            if (argument.IsPositional)
                positionals.AddRange(match.Values.Select(v => new ParsedPositional(argument, v)));
            else
                options.Add(new ParsedOption(argument, match.Values));
        }
        // "--generate-cli-skeleton output" calls the operation, so botocore wants what it requires.
        var callsOperation = options.Any(o => o.Argument.Name == "--generate-cli-skeleton" && o.Values is ["output"]) &&
                             !options.Any(o => o.Argument.Name is "--cli-input-json" or "--cli-input-yaml");
        if (InputJsonProblem(options) is { } inputProblem)
            return (null, Reject(RejectionKind.InvalidArgument, inputProblem));
        var rejection = overridden && !callsOperation ? null : CheckRequired(options);
        return rejection is null ? (new ParsedArguments(options, positionals), null) : (null, rejection);
    }

    /// <summary>The CLI's parser for a command: its arguments in catalogue order, required options enforced by
    /// argparse (booleans are not: botocore checks their member later), and for operations the "help" positional
    /// the CLI adds after them.</summary>
    private static ArgparseParser<ArgumentDescriptor?> Build(CommandDescriptor command, bool enforceRequired)
    {
        var actions = command.Arguments.Select(a => new ArgparseAction<ArgumentDescriptor?>(a, a.Name, a.IsPositional, a.Values,
            a.IsPositional ? a.IsRequired : enforceRequired && a.IsRequired && a.Type != ArgumentType.Boolean)).ToList();
        if (command.Kind != CommandKind.Custom)
            actions.Add(new ArgparseAction<ArgumentDescriptor?>(null, "help", true, new ValueCount(0, 1), false));
        return new ArgparseParser<ArgumentDescriptor?>(actions);
    }

    private Rejection Describe(ArgparseError error, IReadOnlyList<string> tokens) => error.Kind switch
    {
        ArgparseErrorKind.AmbiguousOption => Reject(RejectionKind.UnknownName,
            $"'{error.Word}' is ambiguous for '{CommandLine}': it is the start of {string.Join(", ", error.Names)}. Spell the option out."),
        ArgparseErrorKind.ExpectedValues => Reject(RejectionKind.InvalidArgument, ExpectedValues(error, tokens)),
        ArgparseErrorKind.IgnoredExplicitValue => Reject(RejectionKind.InvalidArgument,
            $"{error.Option} is a flag and takes no value ('{error.Word}'): write {error.Option}{(Negation(error.Option!) is { } no ? " or " + no : "")}."),
        ArgparseErrorKind.RequiredMissing => Reject(RejectionKind.InvalidArgument, $"'{CommandLine}' needs {Needs(error.Names)}."),
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    private static string ExpectedValues(ArgparseError error, IReadOnlyList<string> tokens)
    {
        var needs = error.Expected switch
        {
            { Min: 1, Max: 1 } => "a value",
            { Min: 1 } => "at least one value",
            var count => $"{count.Min} values",
        };
        var next = error.Position + 1 < tokens.Count ? tokens[error.Position + 1] : null;
        // argparse reads any word that starts with "-" (but a negative number or a word with a space) as an option.
        var hint = next is not null && next.StartsWith('-')
            ? $" The CLI reads '{next}' as an option, not as its value; to pass it as the value, write {error.Option}={next}."
            : "";
        var given = error.Word != error.Option ? $" ('{error.Word}' is short for {error.Option})" : "";
        return $"{error.Option} needs {needs}{given}.{hint}";
    }

    private string Needs(IReadOnlyList<string> names)
    {
        var positional = command.Arguments.Where(a => a.IsPositional).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", names.Select(n => positional.Contains(n) ? "<" + n + ">" : n));
    }

    private string? Negation(string option) =>
        command.Arguments.FirstOrDefault(a => a.IsNegation && a.Name == "--no-" + option[2..])?.Name;

    /// <summary>A word no argument took: an unknown option, or a value with no argument to fill.</summary>
    private Rejection Unrecognized(string word)
    {
        if (!word.StartsWith('-') || word.Length == 1)
            return Unexpected(word);
        var name = word.Split('=', 2)[0];
        if ((other?.Argument(service.Name, command.Name, name) ?? other?.GlobalOption(name)) is { } otherVersion)
            return Reject(RejectionKind.UnknownName, otherVersion);
        return Reject(RejectionKind.UnknownName, $"Unknown option '{name}' for '{CommandLine}'." +
            NameSuggester.DidYouMean(name, command.Arguments.Where(a => !a.IsHidden && !a.IsPositional).Select(a => a.Name)) +
            $" Use describe_command with service=\"{service.Name}\", command=\"{command.Name}\" for its options.");
    }

    private Rejection Unexpected(string word)
    {
        var positionals = command.Arguments.Where(a => a.IsPositional).ToList();
        return Reject(RejectionKind.InvalidArgument, positionals.Count == 0
            ? $"Unexpected value '{word}': '{CommandLine}' takes no positional values. Did you forget an option name before it, or give a flag a value?"
            : $"Unexpected extra value '{word}' for '{CommandLine}' (it takes {string.Join(", ", positionals.Select(p => "<" + p.Name + ">"))}, before or after the options, not between an option and its values).");
    }

    private Rejection HelpRefused() =>
        Reject(RejectionKind.Denied, $"'{CommandLine} help' opens the CLI's pager; use describe_command for the same help, in-process.");

    /// <summary>Required arguments argparse leaves to botocore: booleans (from --x or --no-x), and every required
    /// member when argparse was told not to check (the CLI still calls the operation).</summary>
    private Rejection? CheckRequired(List<ParsedOption> options)
    {
        var members = options.Select(o => o.Argument.Member).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = command.Arguments
            .Where(a => a.IsRequired && !a.IsPositional && !a.IsNegation && (a.Member is null ? !options.Any(o => o.Argument == a) : !members.Contains(a.Member)))
            .Select(a => Negation(a.Name) is { } no ? $"{a.Name} or {no}" : a.Name)
            .ToList();
        return missing.Count == 0 ? null : Reject(RejectionKind.InvalidArgument, $"'{CommandLine}' needs {string.Join(", ", missing)}.");
    }

    private string? CheckValue(ArgumentDescriptor argument, string value)
    {
        if (ParamFilePrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            return null; // the CLI loads the value from there
        switch (argument.Type)
        {
            case ArgumentType.Integer or ArgumentType.Long when !PythonNumbers.IsInteger(value):
                return $"{argument.Name} takes a whole number, not '{value}'.";
            case ArgumentType.Float or ArgumentType.Double when !PythonNumbers.IsFloat(value):
                return $"{argument.Name} takes a number, not '{value}'.";
        }
        // argparse checks a customization's choices; the model's enums it leaves to the service.
        if (argument.Member is null && CustomArgument(argument.Name)?.Choices is { Count: > 0 } choices && !choices.Contains(value))
            return $"{argument.Name} must be one of: {string.Join(", ", choices.Take(40))}{(choices.Count > 40 ? ", …" : "")}; got '{value}'.";
        return null;
    }

    /// <summary>Why the CLI or botocore's parameter validation refuses the value it makes of an argument's words
    /// (shorthand, JSON, numbers, the input shape's rules), or null. Arguments without a member of the operation's
    /// input, flags, and values the CLI loads from files or URLs are left alone.</summary>
    private string? ValueProblem(ArgumentDescriptor argument, IReadOnlyList<string> words)
    {
        if (argument.Member is null || command.Operation is null || argument.Values.Max == 0 || argument.Values is { Min: 0, Max: 1 } ||
            argument.Type == ArgumentType.Boolean || words.Any(w => LoadsFrom(argument, w)))
            return null;
        if (InputShapes.For(service, detail).Input(command.Operation)?.Members.GetValueOrDefault(argument.Member) is not { } member)
            return null;
        var (value, problem) = ArgumentValues.Unpack(service.Name, command.Name, argument.Name, words, argument.Values.Max > 1, member);
        if (problem is not null)
            return problem;
        var problems = new ParameterValidator(decodesBlobs?.Value == true).Validate(value, member.Shape, argument.Name, member.HostLabel, member.JsonValueHeader);
        if (problems.Count == 0 && service.BotocoreName == "s3" && argument.Member == "Bucket" && value is string bucket)
            return S3BucketNames.Problem(argument.Name, bucket);
        return Problems(problems);
    }

    /// <summary>Why botocore refuses the members an inline <c>--cli-input-json</c> adds (those the options do not
    /// give: options win), or null; the JSON must be an object. A file's JSON is not known here.</summary>
    private string? InputJsonProblem(List<ParsedOption> options)
    {
        if (command.Operation is null || options.FirstOrDefault(o => o.Argument.Name == "--cli-input-json") is not { Values: [var json] } option ||
            LoadsFrom(option.Argument, json))
            return null;
        var (value, error) = JsonValues.Parse(json);
        if (error is not null)
            return $"--cli-input-json: the value is {error}.";
        if (value is not Dictionary<string, object?> members)
            return $"--cli-input-json takes a JSON object of the operation's input members, not {PythonValues.Describe(value)}.";
        if (InputShapes.For(service, detail).Input(command.Operation) is not { } input)
            return null;
        var given = options.Select(o => o.Argument.Member).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var added = members.Where(m => !given.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var problems = new ParameterValidator(decodesBlobs?.Value == true).ValidateMembers(added, input, "--cli-input-json");
        return Problems(problems);
    }

    private static string? Problems(IReadOnlyList<string> problems) => problems.Count switch
    {
        0 => null,
        1 => problems[0],
        _ => string.Join(" ", problems.Take(3)) + (problems.Count > 3 ? $" (and {problems.Count - 3} more)" : ""),
    };

    /// <summary>Whether the CLI replaces the word by what it loads: a file (file://, fileb://), or in v1 a URL's
    /// contents where the argument is not one of those that take URLs literally.</summary>
    private bool LoadsFrom(ArgumentDescriptor argument, string word) =>
        word.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || word.StartsWith("fileb://", StringComparison.OrdinalIgnoreCase) ||
        (dialect == CliDialects.V1 && (word.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || word.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) &&
         !UrlParameterExemptions.Contains(service.Name, command.Name, argument.Name));

    private CustomArgumentDetail? CustomArgument(string name) =>
        command.Kind == CommandKind.Custom && detail.Value.CustomCommands.TryGetValue(command.Name, out var custom)
            ? custom.Arguments.FirstOrDefault(a => a.Name == name)
            : null;

    private static Rejection Reject(RejectionKind kind, string message) => new(kind, message);
}
