namespace AwsMcpTyped.Suggest;

/// <summary>
/// BM25F over the commands' fields: each field's term frequency is length-normalised and weighted
/// (command words ×3, service full name, first sentence, example titles ×1), then saturated once with k1.
/// Everything that does not depend on the query is precomputed, so a query is a walk over its terms' postings.
/// </summary>
internal sealed class Bm25Index
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    private static readonly double[] FieldWeights = [3.0, 1.0, 1.0, 1.0];

    private readonly Dictionary<string, Posting[]> _postings;

    public int Count { get; }

    /// <summary>A document's saturated weight for a term: wtf / (k1 + wtf).</summary>
    public readonly record struct Posting(int Document, float Weight);

    /// <summary>Postings read back from a precomputed index file (<see cref="SuggestIndexFile"/>).</summary>
    public Bm25Index(int count, Dictionary<string, Posting[]> postings)
    {
        Count = count;
        _postings = postings;
    }

    public Bm25Index(IReadOnlyList<DocumentFields> documents)
    {
        Count = documents.Count;
        var fieldTerms = new List<string>[documents.Count][];
        Parallel.For(0, documents.Count, d =>
        {
            var fields = documents[d];
            fieldTerms[d] = [TextAnalyzer.Terms(fields.Names), TextAnalyzer.Terms(fields.FullName), TextAnalyzer.Terms(fields.Summary), TextAnalyzer.Terms(fields.Examples)];
        });
        var totalLength = new double[FieldWeights.Length];
        foreach (var terms in fieldTerms)
        {
            for (var f = 0; f < terms.Length; f++)
                totalLength[f] += terms[f].Count;
        }
        var averageLength = totalLength.Select(t => Math.Max(1.0, t / Math.Max(1, documents.Count))).ToArray();

        var lists = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var d = 0; d < fieldTerms.Length; d++)
        {
            weights.Clear();
            for (var f = 0; f < FieldWeights.Length; f++)
            {
                var terms = fieldTerms[d][f];
                var norm = FieldWeights[f] / (1 - B + B * terms.Count / averageLength[f]);
                foreach (var term in terms)
                    weights[term] = weights.GetValueOrDefault(term) + norm;
            }
            foreach (var (term, wtf) in weights)
            {
                if (!lists.TryGetValue(term, out var list))
                    lists[term] = list = [];
                list.Add(new Posting(d, (float)(wtf / (K1 + wtf))));
            }
        }
        _postings = lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public int TermCount => _postings.Count;

    /// <summary>Every term with its postings (ascending document order), for writing the index to a file.</summary>
    public IEnumerable<KeyValuePair<string, Posting[]>> Postings => _postings;

    public long PostingCount => _postings.Values.Sum(p => (long)p.Length);

    /// <summary>Inverse document frequency (BM25's, never negative).</summary>
    public double Idf(string term) =>
        _postings.TryGetValue(term, out var postings) ? Math.Log(1 + (Count - postings.Length + 0.5) / (postings.Length + 0.5)) : 0;

    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>Adds <paramref name="boost"/> × idf × weight of <paramref name="term"/> to each document's score.</summary>
    public void Accumulate(string term, double boost, double[] scores)
    {
        if (!_postings.TryGetValue(term, out var postings))
            return;
        var idf = Idf(term) * boost;
        foreach (var posting in postings)
            scores[posting.Document] += idf * posting.Weight;
    }
}
