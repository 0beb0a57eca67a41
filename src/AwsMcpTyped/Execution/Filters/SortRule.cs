namespace AwsMcpTyped.Execution.Filters;

/// <summary>sort: keys, orders and sizes; no output file, no chosen temporary directory, no compress program, no file
/// lists. Inside the sandbox a filter may write no file, so sort cannot spill to temporary files: the launch gives it
/// a main-memory buffer of a quarter of physical memory (allocated as input arrives), which a -S of the command's own,
/// coming later, still overrides.</summary>
internal sealed class SortRule() : FilterRule("sort", new FilterOptions
{
    ShortFlags = ['b', 'd', 'f', 'g', 'i', 'M', 'h', 'n', 'R', 'r', 'V', 'c', 'C', 'm', 's', 'u', 'z'],
    ShortValues = ['k', 't', 'S'],
    LongFlags =
    [
        "--ignore-leading-blanks", "--dictionary-order", "--ignore-case", "--general-numeric-sort", "--ignore-nonprinting",
        "--month-sort", "--human-numeric-sort", "--numeric-sort", "--random-sort", "--reverse", "--version-sort",
        "--merge", "--stable", "--unique", "--zero-terminated", "--debug",
    ],
    LongOptionalValues = ["--check"],
    LongValues = ["--sort", "--key", "--field-separator", "--buffer-size", "--batch-size", "--parallel"],
    Denied = new(StringComparer.Ordinal)
    {
        ["-o"] = FilterCatalog.WritesFile, ["--output"] = FilterCatalog.WritesFile, ["-T"] = "it writes temporary files to a chosen directory",
        ["--temporary-directory"] = "it writes temporary files to a chosen directory", ["--compress-program"] = "it runs a program",
        ["--files0-from"] = FilterCatalog.ReadsFile, ["--random-source"] = FilterCatalog.ReadsFile,
    },
})
{
    public override IReadOnlyList<string> LaunchArguments(IReadOnlyList<string> args) => ["--buffer-size=25%", .. args];
}
