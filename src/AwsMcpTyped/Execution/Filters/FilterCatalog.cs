namespace AwsMcpTyped.Execution.Filters;

/// <summary>The programs allowed after the first <c>|</c>, each with its argument rules. Everything else (shells,
/// interpreters, xargs, tee, curl, rm, …) is refused. The option tables follow each tool's <c>--help</c> (GNU coreutils
/// 9.1, util-linux 2.38 column); options a tool has but filters may not use are listed as denied, so that the
/// abbreviation check in <see cref="FilterOptions"/> knows every long name.</summary>
internal static class FilterCatalog
{
    internal const string ReadsFile = "it reads a file";
    internal const string WritesFile = "it writes a file";

    private static readonly Dictionary<string, FilterRule> Rules = new FilterRule[]
    {
        new JqRule(),
        new GrepRule(),
        new AwkRule(),
        new SedRule(),
        new SortRule(),
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
                ["--sleep-interval"] = "it only applies to -f", ["--max-unchanged-stats"] = "it only applies to -f",
            },
        }),
        new("wc", new FilterOptions
        {
            ShortFlags = ['c', 'm', 'l', 'L', 'w'], LongFlags = ["--bytes", "--chars", "--lines", "--max-line-length", "--words"],
            Denied = new(StringComparer.Ordinal) { ["--files0-from"] = ReadsFile },
        }),
        new("cut", new FilterOptions
        {
            ShortFlags = ['n', 's', 'z'], ShortValues = ['b', 'c', 'd', 'f'],
            LongFlags = ["--complement", "--only-delimited", "--zero-terminated"],
            LongValues = ["--bytes", "--characters", "--delimiter", "--fields", "--output-delimiter"],
        }),
        new("uniq", new FilterOptions
        {
            ShortFlags = ['c', 'd', 'D', 'i', 'u', 'z'], ShortValues = ['f', 's', 'w'],
            LongFlags = ["--count", "--repeated", "--ignore-case", "--unique", "--zero-terminated"],
            LongOptionalValues = ["--all-repeated", "--group"],
            LongValues = ["--skip-fields", "--skip-chars", "--check-chars"],
        }),
        new("tr", new FilterOptions
        {
            ShortFlags = ['c', 'C', 'd', 's', 't'], LongFlags = ["--complement", "--delete", "--squeeze-repeats", "--truncate-set1"],
        }, 1, 2, "one or two character sets"),
        // util-linux column: -d (--table-noheadings) and -e are flags, so a word after them is a file; -n is
        // --table-name in 2.38 but a flag in older Debian builds, so only the long spelling is accepted.
        new("column", new FilterOptions
        {
            ShortFlags = ['t', 'd', 'e', 'L', 'J', 'x'],
            ShortValues = ['O', 'N', 'l', 'E', 'H', 'R', 'T', 'W', 'r', 'i', 'p', 'c', 'o', 's'],
            LongFlags = ["--table", "--table-noheadings", "--table-header-repeat", "--keep-empty-lines", "--json", "--fillrows"],
            LongValues =
            [
                "--table-name", "--table-order", "--table-columns", "--table-columns-limit", "--table-noextreme", "--table-hide",
                "--table-right", "--table-truncate", "--table-wrap", "--tree", "--tree-id", "--tree-parent", "--output-width",
                "--output-separator", "--separator",
            ],
            Denied = new(StringComparer.Ordinal) { ["-n"] = "it takes a value in util-linux 2.30+ but is a flag in older builds; write --table-name NAME" },
        }),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Rules.Keys;

    public static FilterRule? Find(string program) => Rules.GetValueOrDefault(program);
}
