using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>One indexed command: what a suggestion returns, plus the ranking priors. Its text is not kept
/// (only the index's term weights are).</summary>
internal sealed record SuggestDocument(
    string Service,
    string Command,
    string Summary,
    AccessClass Access,
    IReadOnlyList<string> RequiredArguments,
    bool HasExample,
    bool Deprecated)
{
    /// <summary>The command's verb: describe, list, create, wait, cp, …</summary>
    public string Verb { get; } = Command.Split(' ', '-')[0];

    /// <summary>How many words the command name has (describe-instances: 2).</summary>
    public int NameParts { get; } = Command.Split(' ', '-').Length;

    /// <summary>The distinct terms of the command name (describe-db-instances → describe, db, instance). Stemming
    /// every name is a third of loading a precomputed index, so the file stores them (init) and a built index
    /// computes them on first use (a race only computes the same array twice).</summary>
    public string[] NameTerms
    {
        get => field ??= TextAnalyzer.Terms(Command).Distinct().ToArray();
        init;
    }

    public string Key => $"{Service} {Command}";
}

/// <summary>The text fields of one command, weighted by <see cref="Bm25Index"/>.</summary>
internal readonly record struct DocumentFields(string Names, string? FullName, string? Summary, string? Examples);
