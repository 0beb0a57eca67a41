namespace AwsMcpTyped.Execution.Filters;

/// <summary>jq: one program, no input files, no program or data files, and no access to the environment
/// (the server's environment holds AWS credentials) or to module search paths. After <c>--args</c> or
/// <c>--jsonargs</c> further operands are data ($ARGS.positional), not files.</summary>
internal sealed class JqRule() : FilterRule("jq", new FilterOptions
{
    ShortFlags = ['r', 'j', 'a', 'c', 'C', 'M', 'S', 'e', 's', 'n', 'R'],
    LongFlags =
    [
        "--raw-output", "--join-output", "--ascii-output", "--compact-output", "--color-output", "--monochrome-output",
        "--sort-keys", "--exit-status", "--slurp", "--null-input", "--raw-input", "--tab", "--seq", "--stream",
        "--stream-errors", "--raw-output0", "--unbuffered",
    ],
    LongValues = ["--indent"],
    LongPairs = ["--arg", "--argjson"],
    PositionalData = ["--args", "--jsonargs"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-f"] = "it reads the program from a file", ["--from-file"] = "it reads the program from a file",
        ["--rawfile"] = "it reads a file", ["--slurpfile"] = "it reads a file", ["--argfile"] = "it reads a file", ["-L"] = "it sets a module search path",
        ["--library-path"] = "it sets a module search path", ["--run-tests"] = "it reads test files",
    },
}, 0, 1, "one program")
{
    protected override string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands) =>
        operands.Count == 0 ? null : JqProgram.FindForbidden(operands[0]);
}
