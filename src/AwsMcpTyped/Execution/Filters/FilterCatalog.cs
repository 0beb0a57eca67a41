namespace AwsMcpTyped.Execution.Filters;

/// <summary>The programs allowed after the first <c>|</c>, each with its argument rules. Everything else (shells,
/// interpreters, xargs, tee, curl, rm, …) is refused.</summary>
internal static class FilterCatalog
{
    private static readonly Dictionary<string, FilterRule> Rules = new FilterRule[]
    {
        new JqRule(),
        new GrepRule(),
        new AwkRule(),
        new SedRule(),
        new("sort", new FilterOptions
        {
            ShortFlags = ['r', 'n', 'u', 'f', 'b', 'd', 'g', 'h', 'i', 'M', 'R', 'V', 's', 'z', 'c', 'C', 'm'],
            ShortValues = ['k', 't', 'S'],
            LongFlags = ["--reverse", "--numeric-sort", "--unique", "--ignore-case", "--human-numeric-sort", "--version-sort", "--stable", "--general-numeric-sort", "--month-sort", "--random-sort", "--ignore-leading-blanks", "--dictionary-order", "--zero-terminated"],
            LongValues = ["--key", "--field-separator", "--buffer-size"],
            Denied = new(StringComparer.Ordinal)
            {
                ["-o"] = "it writes a file", ["--output"] = "it writes a file", ["-T"] = "it writes temporary files to a chosen directory",
                ["--temporary-directory"] = "it writes temporary files to a chosen directory", ["--compress-program"] = "it runs a program",
                ["--files0-from"] = "it reads a file",
            },
        }),
        new("head", new FilterOptions
        {
            ShortFlags = ['q', 'v', 'z'], ShortValues = ['n', 'c'], NumericShorthand = true,
            LongFlags = ["--quiet", "--silent", "--verbose", "--zero-terminated"], LongValues = ["--lines", "--bytes"],
        }),
        new("tail", new FilterOptions
        {
            ShortFlags = ['q', 'v', 'z'], ShortValues = ['n', 'c'], NumericShorthand = true,
            LongFlags = ["--quiet", "--silent", "--verbose", "--zero-terminated"], LongValues = ["--lines", "--bytes"],
            Denied = new(StringComparer.Ordinal)
            {
                ["-f"] = "it follows input forever", ["-F"] = "it follows files", ["--follow"] = "it follows input forever",
                ["--retry"] = "it reopens files", ["--pid"] = "it watches processes", ["-s"] = "it only applies to -f",
            },
        }),
        new("wc", new FilterOptions
        {
            ShortFlags = ['l', 'w', 'c', 'm', 'L'], LongFlags = ["--lines", "--words", "--bytes", "--chars", "--max-line-length"],
            Denied = new(StringComparer.Ordinal) { ["--files0-from"] = "it reads a file" },
        }),
        new("cut", new FilterOptions
        {
            ShortFlags = ['s', 'z', 'n'], ShortValues = ['d', 'f', 'c', 'b'],
            LongFlags = ["--complement", "--only-delimited", "--zero-terminated"],
            LongValues = ["--delimiter", "--fields", "--characters", "--bytes", "--output-delimiter"],
        }),
        new("uniq", new FilterOptions
        {
            ShortFlags = ['c', 'd', 'u', 'i', 'z', 'D'], ShortValues = ['f', 's', 'w'],
            LongFlags = ["--count", "--repeated", "--unique", "--ignore-case", "--zero-terminated", "--all-repeated"],
            LongValues = ["--skip-fields", "--skip-chars", "--check-chars"],
        }),
        new("tr", new FilterOptions
        {
            ShortFlags = ['d', 's', 'c', 'C', 't'], LongFlags = ["--delete", "--squeeze-repeats", "--complement", "--truncate-set1"],
        }, 1, 2, "one or two character sets"),
        new("column", new FilterOptions
        {
            ShortFlags = ['t', 'x', 'n', 'J', 'e', 'L', 'r'], ShortValues = ['s', 'o', 'c', 'N', 'R', 'H', 'T', 'W', 'E', 'O', 'd'],
            LongFlags = ["--table", "--fillrows", "--json", "--keep-empty-lines", "--table-noheadings"],
            LongValues = ["--separator", "--output-separator", "--output-width", "--table-columns", "--table-right", "--table-hide", "--table-truncate", "--table-wrap", "--table-noextreme", "--table-order", "--table-name"],
        }),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Rules.Keys;

    public static FilterRule? Find(string program) => Rules.GetValueOrDefault(program);
}
