using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation.Argparse;

/// <summary>One argument of a parser: an option (<c>--name</c>) or a positional, with how many values it takes.</summary>
/// <param name="Target">What the argument stands for (a catalogue argument, a global option).</param>
internal sealed record ArgparseAction<T>(T Target, string Name, bool IsPositional, ValueCount Values, bool Required);

/// <summary>An argument found on the command line: the word it starts at, the option name it was given as (an
/// abbreviation resolves to the full name here), and its values.</summary>
internal sealed record ArgparseMatch<T>(ArgparseAction<T> Action, int Position, string? OptionString, IReadOnlyList<string> Values);

/// <summary>A word the parser did not use, left for the next parser (argparse's <c>extras</c>).</summary>
internal readonly record struct ArgparseExtra(int Position, string Word);

internal enum ArgparseErrorKind
{
    /// <summary>The word is a prefix of several options.</summary>
    AmbiguousOption,
    /// <summary>The option did not get the number of values its nargs needs.</summary>
    ExpectedValues,
    /// <summary><c>--flag=value</c> for an option that takes no value.</summary>
    IgnoredExplicitValue,
    /// <summary>Required arguments are missing.</summary>
    RequiredMissing,
}

/// <summary>Why argparse would stop with a usage error.</summary>
/// <param name="Position">The index of the word it stops at (the word count for missing arguments).</param>
/// <param name="Names">The options an ambiguous word could be, or the missing arguments.</param>
internal sealed record ArgparseError(ArgparseErrorKind Kind, int Position, string? Word, string? Option, IReadOnlyList<string> Names)
{
    /// <summary>For <see cref="ArgparseErrorKind.ExpectedValues"/>: what the option takes.</summary>
    public ValueCount Expected { get; init; }
}

internal sealed record ArgparseResult<T>(IReadOnlyList<ArgparseMatch<T>> Matches, IReadOnlyList<ArgparseExtra> Extras, ArgparseError? Error)
{
    public static ArgparseResult<T> Failed(ArgparseError error) => new([], [], error);
}
