namespace AwsMcpTyped.Execution.Filters;

/// <summary>sed: one script (or -e scripts), no in-place editing or script files, and no commands that run programs
/// or touch files (e, w, W, r, R, and the s///e and s///w flags). GNU sed also gets --sandbox, which refuses them again.</summary>
internal sealed class SedRule() : FilterRule("sed", new FilterOptions
{
    ShortFlags = ['n', 'E', 'r', 's', 'u', 'z'],
    ShortValues = ['e', 'l'],
    LongFlags = ["--quiet", "--silent", "--regexp-extended", "--separate", "--unbuffered", "--null-data", "--posix", "--debug", "--sandbox"],
    LongValues = ["--expression", "--line-length"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-i"] = "it edits files in place", ["--in-place"] = "it edits files in place",
        ["-f"] = "it reads the script from a file", ["--file"] = "it reads the script from a file",
        ["--follow-symlinks"] = "it works on files",
    },
}, 0, 1, "one script")
{
    protected override (int Min, int Max) OperandRange(List<(string Name, List<string> Values)> options) =>
        options.Any(o => o.Name is "-e" or "--expression") ? (0, 0) : (1, 1);

    protected override string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands)
    {
        var scripts = options.Where(o => o.Name is "-e" or "--expression").Select(o => o.Values[0]).Concat(operands);
        foreach (var script in scripts)
        {
            if (SedScript.FindForbidden(script) is { } problem)
                return "sed " + problem;
        }
        return null;
    }

    public override IReadOnlyList<string> LaunchArguments(IReadOnlyList<string> args) =>
        OperatingSystem.IsLinux() && !args.Contains("--sandbox") ? ["--sandbox", .. args] : args;
}
