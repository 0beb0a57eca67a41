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

    /// <summary>The distinct terms of the command name (describe-db-instances → describe, db, instance).</summary>
    public string[] NameTerms { get; } = TextAnalyzer.Terms(Command).Distinct().ToArray();

    public string Key => $"{Service} {Command}";
}

/// <summary>The text fields of one command, weighted by <see cref="Bm25Index"/>.</summary>
internal readonly record struct DocumentFields(string Names, string? FullName, string? Summary, string? Examples);
