namespace AwsMcpTyped.Execution.Filters;

/// <summary>grep: one pattern operand, or none when patterns come with -e; no files, no recursion, no pattern files.
/// The table follows GNU grep 3.8 <c>--help</c>.</summary>
internal sealed class GrepRule() : FilterRule("grep", new FilterOptions
{
    ShortFlags = ['E', 'F', 'G', 'P', 'i', 'y', 'w', 'x', 'z', 's', 'v', 'b', 'n', 'H', 'h', 'o', 'q', 'a', 'I', 'c', 'T', 'Z', 'U'],
    ShortValues = ['e', 'm', 'A', 'B', 'C'],
    LongFlags =
    [
        "--extended-regexp", "--fixed-strings", "--basic-regexp", "--perl-regexp", "--ignore-case", "--no-ignore-case",
        "--word-regexp", "--line-regexp", "--null-data", "--no-messages", "--invert-match", "--byte-offset", "--line-number",
        "--line-buffered", "--with-filename", "--no-filename", "--only-matching", "--quiet", "--silent", "--text", "--count",
        "--initial-tab", "--null", "--binary", "--no-group-separator",
    ],
    LongOptionalValues = ["--color", "--colour"],
    LongValues = ["--regexp", "--max-count", "--label", "--binary-files", "--after-context", "--before-context", "--context", "--group-separator"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-f"] = "it reads patterns from a file", ["--file"] = "it reads patterns from a file",
        ["-r"] = "it reads directories", ["-R"] = "it reads directories", ["--recursive"] = "it reads directories",
        ["--dereference-recursive"] = "it reads directories", ["-d"] = "it names directories", ["--directories"] = "it names directories",
        ["-D"] = "it opens devices", ["--devices"] = "it opens devices", ["--include"] = "it selects files",
        ["--exclude"] = "it selects files", ["--exclude-from"] = "it reads a file", ["--exclude-dir"] = "it selects directories",
        ["-l"] = "it lists file names", ["-L"] = "it lists file names",
        ["--files-with-matches"] = "it lists file names", ["--files-without-match"] = "it lists file names",
    },
}, 0, 1, "one pattern")
{
    protected override (int Min, int Max) OperandRange(List<(string Name, List<string> Values)> options) =>
        options.Any(o => o.Name is "-e" or "--regexp") ? (0, 0) : (1, 1);
}
