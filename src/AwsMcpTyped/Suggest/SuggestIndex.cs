using System.Diagnostics;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>The built index: the commands, their BM25F postings, the request vocabulary and which request
/// words name a service.</summary>
internal sealed class SuggestIndex
{
    public required IReadOnlyList<SuggestDocument> Documents { get; init; }
    public required Bm25Index Bm25 { get; init; }
    public required QueryVocabulary Vocabulary { get; init; }
    /// <summary>Stemmed service name → the service (ec2 → ec2, log → logs).</summary>
    public required IReadOnlyDictionary<string, string> ServiceByTerm { get; init; }
    /// <summary>"service command" → document.</summary>
    public required IReadOnlyDictionary<string, int> DocumentByKey { get; init; }
    /// <summary>How long building (from the catalogue) or loading (from a precomputed file) took.</summary>
    public required TimeSpan BuildTime { get; init; }
    public required SuggestIndexOrigin Origin { get; init; }

    public static SuggestIndex Build(AwsCatalogue catalogue)
    {
        var clock = Stopwatch.StartNew();
        var vocabulary = QueryVocabulary.Load();
        var corpus = SuggestCorpus.Read(catalogue);
        var documents = corpus.Select(e => e.Document).ToArray();
        var bm25 = new Bm25Index(corpus.Select(e => e.Fields).ToArray());
        return Assemble(documents, bm25, vocabulary, SuggestIndexOrigin.Built, clock);
    }

    /// <summary>The index from its documents and postings; the lookups derived from them are computed here
    /// (they are cheap, so a precomputed file does not store them).</summary>
    public static SuggestIndex Assemble(IReadOnlyList<SuggestDocument> documents, Bm25Index bm25, QueryVocabulary vocabulary,
        SuggestIndexOrigin origin, Stopwatch clock)
    {
        var serviceByTerm = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in documents.Select(d => d.Service).Distinct())
        {
            if (!vocabulary.AmbiguousServiceNames.Contains(service) && TextAnalyzer.Tokens(service) is [var only])
                serviceByTerm.TryAdd(only.Term, service);
        }
        var byKey = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
            byKey[documents[i].Key] = i;
        return new SuggestIndex
        {
            Documents = documents,
            Bm25 = bm25,
            Vocabulary = vocabulary,
            ServiceByTerm = serviceByTerm,
            DocumentByKey = byKey,
            BuildTime = clock.Elapsed,
            Origin = origin,
        };
    }
}
