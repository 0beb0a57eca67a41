namespace AwsMcpTyped.Execution.Filters;

/// <summary>grep: one pattern operand, or none when patterns come with -e; no files, no recursion, no pattern files.</summary>
internal sealed class GrepRule() : FilterRule("grep", new FilterOptions
{
    ShortFlags = ['i', 'v', 'c', 'n', 'o', 'E', 'F', 'G', 'P', 'w', 'x', 'h', 'H', 'q', 's', 'a', 'z', 'b', 'y', 'U'],
    ShortValues = ['e', 'm', 'A', 'B', 'C'],
    LongFlags =
    [
        "--ignore-case", "--no-ignore-case", "--invert-match", "--count", "--line-number", "--only-matching", "--extended-regexp",
        "--fixed-strings", "--basic-regexp", "--perl-regexp", "--word-regexp", "--line-regexp", "--quiet", "--silent",
        "--no-messages", "--text", "--null-data", "--byte-offset", "--no-filename", "--with-filename", "--color", "--colour",
    ],
    LongValues = ["--regexp", "--max-count", "--after-context", "--before-context", "--context", "--color", "--colour", "--label"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-f"] = "it reads patterns from a file", ["--file"] = "it reads patterns from a file",
        ["-r"] = "it reads directories", ["-R"] = "it reads directories", ["--recursive"] = "it reads directories",
        ["--dereference-recursive"] = "it reads directories", ["-d"] = "it names directories", ["--directories"] = "it names directories",
        ["-D"] = "it opens devices", ["--devices"] = "it opens devices", ["--include"] = "it selects files",
        ["--exclude"] = "it selects files", ["--exclude-from"] = "it reads a file", ["--exclude-dir"] = "it selects directories",
        ["-l"] = "it lists file names", ["-L"] = "it lists file names",
    },
}, 0, 1, "one pattern")
{
    protected override (int Min, int Max) OperandRange(List<(string Name, List<string> Values)> options) =>
        options.Any(o => o.Name is "-e" or "--regexp") ? (0, 0) : (1, 1);
}
