using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// suggest_commands: a natural-language request → the AWS CLI commands most likely to do it, offline. A BM25F
/// index over every visible command (command words, service full name, first sentence of the documentation, AWS
/// CLI example titles) with a checked-in request vocabulary (<c>Data/aliases.json</c>). The index is built on the
/// first <see cref="Suggest"/> (or <see cref="Warm"/>), once, thread-safely; queries then take well under a
/// millisecond to a few milliseconds and never touch the network.
/// </summary>
public sealed class CommandSuggester
{
    private readonly Lazy<SuggestIndex> _index;

    public CommandSuggester(AwsCatalogue catalogue) =>
        _index = new Lazy<SuggestIndex>(() => SuggestIndex.Build(catalogue), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One suggester over <see cref="AwsCatalogue.Default"/>, shared by the process.</summary>
    public static CommandSuggester Default { get; } = new(AwsCatalogue.Default);

    /// <summary>The most likely commands for <paramref name="query"/>, best first; empty when no word of the
    /// request is known to the index.</summary>
    public IReadOnlyList<CommandSuggestion> Suggest(string query, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (count <= 0 || string.IsNullOrWhiteSpace(query))
            return [];
        return new QueryRanker(_index.Value).Rank(query, count)
            .Select(r => new CommandSuggestion(r.Document.Service, r.Document.Command, r.Document.Summary, r.Document.Access,
                r.Document.RequiredArguments, r.Score))
            .ToList();
    }

    /// <summary>Builds the index now (e.g. in the background at server start) and returns how long it took.</summary>
    public TimeSpan Warm() => _index.Value.BuildTime;

    /// <summary>Size of the index, for diagnostics: commands, distinct terms, postings.</summary>
    public (int Commands, int Terms, long Postings) Statistics
    {
        get
        {
            var index = _index.Value;
            return (index.Documents.Count, index.Bm25.TermCount, index.Bm25.PostingCount);
        }
    }
}
