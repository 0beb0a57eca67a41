namespace AwsMcpTyped.Execution.Syntax;

/// <summary>A command line split into stages (argv lists), as a shell would split <c>a | b | c</c>, without any
/// expansion: the words are exactly what each program receives.</summary>
public sealed record Pipeline(IReadOnlyList<IReadOnlyList<string>> Stages)
{
    public override string ToString() => string.Join(" | ", Stages.Select(stage => string.Join(' ', stage.Select(Quote))));

    /// <summary>POSIX single-quoting where needed, for display and logs.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
