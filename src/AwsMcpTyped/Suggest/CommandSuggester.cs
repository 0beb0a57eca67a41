using System.Diagnostics;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// suggest_commands: a natural-language request → the AWS CLI commands most likely to do it, offline. A BM25F
/// index over every visible command (command words, service full name, first sentence of the documentation, AWS
/// CLI example titles) with a checked-in request vocabulary (<c>Data/aliases.json</c>). The index is made on the
/// first <see cref="Suggest"/> (or <see cref="Warm"/>), once, thread-safely: read from a precomputed index file
/// when one is given and was built from this catalogue (tens of milliseconds), otherwise built from the catalogue
/// (about 3 s). Queries then take well under a millisecond to a few milliseconds and never touch the network.
/// </summary>
public sealed class CommandSuggester
{
    private readonly AwsCatalogue _catalogue;
    private readonly Lazy<SuggestIndex> _index;

    /// <summary>A suggester that builds its index from <paramref name="catalogue"/>.</summary>
    public CommandSuggester(AwsCatalogue catalogue) : this(catalogue, null)
    {
    }

    /// <summary>A suggester that starts from the index file <paramref name="openPrecomputedIndex"/> opens (see
    /// <see cref="WriteIndex"/>), and builds from <paramref name="catalogue"/> instead when it opens nothing, the file
    /// was made from another catalogue or format version, or it is damaged: a stale index is never used.</summary>
    public CommandSuggester(AwsCatalogue catalogue, Func<Stream?>? openPrecomputedIndex)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _index = new Lazy<SuggestIndex>(() => LoadOrBuild(catalogue, openPrecomputedIndex), LazyThreadSafetyMode.ExecutionAndPublication);
    }

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

    /// <summary>Makes the index now (e.g. in the background at server start) and returns how long building or
    /// loading it took.</summary>
    public TimeSpan Warm() => _index.Value.BuildTime;

    /// <summary>Whether the index was read from a precomputed file or built here (makes the index).</summary>
    public SuggestIndexOrigin Origin => _index.Value.Origin;

    /// <summary>Size of the index, for diagnostics: commands, distinct terms, postings.</summary>
    public (int Commands, int Terms, long Postings) Statistics
    {
        get
        {
            var index = _index.Value;
            return (index.Documents.Count, index.Bm25.TermCount, index.Bm25.PostingCount);
        }
    }

    /// <summary>Writes the index as a precomputed index file for this catalogue (the build does this once, see
    /// generators/AwsMcpTyped.SuggestIndexer), for <see cref="CommandSuggester(AwsCatalogue, Func{Stream?})"/>.</summary>
    public void WriteIndex(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        SuggestIndexFile.Write(_index.Value, CatalogueFingerprint.Of(_catalogue), destination);
    }

    private static SuggestIndex LoadOrBuild(AwsCatalogue catalogue, Func<Stream?>? openPrecomputedIndex)
    {
        if (openPrecomputedIndex is not null)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var stream = openPrecomputedIndex();
                if (stream is not null && SuggestIndexFile.Read(stream, CatalogueFingerprint.Of(catalogue), clock) is { } index)
                    return index;
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
            {
                // A damaged file (BrotliStream reports invalid data as InvalidOperationException) costs the build
                // time, not the tool.
            }
        }
        return SuggestIndex.Build(catalogue);
    }
}
