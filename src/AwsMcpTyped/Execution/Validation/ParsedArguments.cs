using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// A validated command's own argument words as the CLI parses them: each option with its values, and each positional
/// value bound to the positional argument it fills. Parsed once, by <see cref="ArgumentChecker"/>; the policy and
/// file confinement read it instead of tokenizing again.
/// </summary>
public sealed record ParsedArguments(IReadOnlyList<ParsedOption> Options, IReadOnlyList<ParsedPositional> Positionals)
{
    public static ParsedArguments Empty { get; } = new([], []);

    public bool Has(string option) => Options.Any(o => o.Argument.Name == option);
}

/// <summary>One option and the values given to it (several for lists and nargs '+').</summary>
public sealed record ParsedOption(ArgumentDescriptor Argument, IReadOnlyList<string> Values);

/// <summary>One positional value and the positional argument it fills (outfile, paths, …).</summary>
public sealed record ParsedPositional(ArgumentDescriptor Argument, string Value);
