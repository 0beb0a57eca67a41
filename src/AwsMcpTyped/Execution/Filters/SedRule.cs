namespace AwsMcpTyped.Execution.Filters;

/// <summary>sed: one script (or -e scripts), no in-place editing or script files, and no commands that run programs
/// or touch files (e, w, W, r, R, and the s///e and s///w flags). On Linux (GNU sed) the launch always starts with our
/// own <c>--sandbox</c>, as the first argument where no option can take it as its value (<c>-l --sandbox</c> once did).</summary>
internal sealed class SedRule() : FilterRule("sed", new FilterOptions
{
    ShortFlags = ['n', 'E', 'r', 's', 'u', 'z'],
    ShortValues = ['e', 'l'],
    LongFlags =
    [
        "--quiet", "--silent", "--regexp-extended", "--separate", "--unbuffered", "--null-data", "--zero-terminated",
        "--posix", "--debug", "--sandbox",
    ],
    LongValues = ["--expression", "--line-length"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-i"] = "it edits files in place", ["--in-place"] = "it edits files in place",
        ["-f"] = "it reads the script from a file", ["--file"] = "it reads the script from a file",
        ["--follow-symlinks"] = "it works on files", ["-b"] = "it only applies to files", ["--binary"] = "it only applies to files",
    },
}, 0, 1, "one script")
{
    private static bool IsScript(string option) => option is "-e" or "--expression";

    protected override (int Min, int Max) OperandRange(List<(string Name, List<string> Values)> options) =>
        options.Any(o => IsScript(o.Name)) ? (0, 0) : (1, 1);

    /// <summary>GNU sed joins -e scripts with newlines before compiling (a trailing a\ continues into the next -e),
    /// so they are read joined, as one script.</summary>
    protected override string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands)
    {
        if (options.FirstOrDefault(o => o.Name is "-l" or "--line-length" && !o.Values[0].All(char.IsAsciiDigit)) is { Name: not null } bad)
            return $"sed {bad.Name} takes a line length in digits, not '{bad.Values[0]}'.";
        var script = string.Join('\n', options.Where(o => IsScript(o.Name)).Select(o => o.Values[0]).Concat(operands));
        return SedScript.FindForbidden(script) is { } problem ? "sed " + problem : null;
    }

    public override IReadOnlyList<string> LaunchArguments(IReadOnlyList<string> args) =>
        OperatingSystem.IsLinux() ? ["--sandbox", .. args] : args;
}
