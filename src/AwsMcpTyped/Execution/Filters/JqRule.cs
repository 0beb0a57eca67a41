using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Filters;

/// <summary>jq: one program, no input files, no program or data files, and no access to the environment
/// (the server's environment holds AWS credentials) or to module search paths.</summary>
internal sealed partial class JqRule() : FilterRule("jq", new FilterOptions
{
    ShortFlags = ['r', 'j', 'a', 'c', 'C', 'M', 'S', 'e', 's', 'n', 'R'],
    LongFlags =
    [
        "--raw-output", "--join-output", "--ascii-output", "--compact-output", "--color-output", "--monochrome-output",
        "--sort-keys", "--exit-status", "--slurp", "--null-input", "--raw-input", "--tab", "--seq", "--stream", "--raw-output0",
    ],
    LongValues = ["--indent"],
    LongPairs = ["--arg", "--argjson"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-f"] = "it reads the program from a file", ["--from-file"] = "it reads the program from a file",
        ["--rawfile"] = "it reads a file", ["--slurpfile"] = "it reads a file", ["-L"] = "it sets a module search path",
        ["--args"] = "remaining operands are not supported", ["--jsonargs"] = "remaining operands are not supported",
        ["--run-tests"] = "it reads test files",
    },
}, 0, 1, "one program")
{
    protected override string? CheckProgram(List<(string Name, List<string> Values)> options, List<string> operands)
    {
        if (operands.Count == 0)
            return null;
        var match = Forbidden().Match(WithoutStrings(operands[0]));
        return match.Success
            ? $"jq '{match.Value}' is not allowed in filters: it reads the environment (which holds credentials), files or modules."
            : null;
    }

    /// <summary>String literals cannot call anything, so "env" inside quotes is fine.</summary>
    private static string WithoutStrings(string program) => StringLiteral().Replace(program, "\"\"");

    [GeneratedRegex(@"\$ENV\b|\$__loc__|(?<![\w$.])(env|input_filename|import|include|get_search_list|modulemeta|getpath\s*\(\s*\[\s*""ENV)(?!\w)")]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();
}
