namespace AwsMcpTyped.Suggest;

/// <summary>
/// Scores every command for one request: BM25F over the request's terms (plus the vocabulary's added terms at a
/// lower weight), then, for commands that matched, additive priors: a service the request names or alludes to,
/// a verb the request's intent prefers, an AWS CLI example, a short name; commands an alias names outright are
/// always proposed.
/// </summary>
internal sealed class QueryRanker(SuggestIndex index)
{
    public const double AddedTermWeight = 0.5;
    public const double ServiceBoost = 3.0;
    public const double VerbBoost = 2.0;
    public const double AliasCommandBoost = 8.0;
    public const double HasExampleBoost = 2.0;
    public const double NamePartPenalty = 0.5;
    public const double DeprecatedPenalty = 3.0;

    public IReadOnlyList<(SuggestDocument Document, double Score)> Rank(string query, int count)
    {
        var tokens = TextAnalyzer.Tokens(query);
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, isStop) in tokens)
        {
            if (!isStop)
                terms[term] = 1.0;
        }
        var services = new HashSet<string>(StringComparer.Ordinal);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        var commands = new HashSet<int>();
        foreach (var term in terms.Keys)
        {
            if (index.ServiceByTerm.TryGetValue(term, out var service))
                services.Add(service);
            if (index.Vocabulary.VerbIntents.TryGetValue(term, out var preferred))
                verbs.UnionWith(preferred);
        }
        var stems = tokens.Select(t => t.Term).ToArray();
        foreach (var alias in index.Vocabulary.Aliases)
        {
            if (!ContainsPhrase(stems, alias.Phrase))
                continue;
            services.UnionWith(alias.Services);
            foreach (var term in alias.Terms)
                terms.TryAdd(term, AddedTermWeight);
            foreach (var command in alias.Commands)
            {
                if (index.DocumentByKey.TryGetValue(command, out var document))
                    commands.Add(document);
            }
        }

        var scores = new double[index.Documents.Count];
        foreach (var (term, weight) in terms)
            index.Bm25.Accumulate(term, weight, scores);

        var ranked = new List<(int Document, double Score)>();
        for (var d = 0; d < scores.Length; d++)
        {
            var matched = scores[d] > 0;
            var named = commands.Contains(d);
            if (!matched && !named)
                continue;
            var document = index.Documents[d];
            var score = scores[d];
            if (named)
                score += AliasCommandBoost;
            if (services.Contains(document.Service))
                score += ServiceBoost;
            if (verbs.Contains(document.Verb))
                score += VerbBoost;
            if (document.HasExample)
                score += HasExampleBoost;
            if (document.Deprecated)
                score -= DeprecatedPenalty;
            score -= NamePartPenalty * document.NameParts;
            ranked.Add((d, score));
        }
        return ranked
            .OrderByDescending(r => r.Score)
            .ThenBy(r => index.Documents[r.Document].Key, StringComparer.Ordinal)
            .Take(count)
            .Select(r => (index.Documents[r.Document], Math.Round(r.Score, 4)))
            .ToList();
    }

    private static bool ContainsPhrase(string[] tokens, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= tokens.Length; start++)
        {
            if (tokens.AsSpan(start, phrase.Length).SequenceEqual(phrase))
                return true;
        }
        return false;
    }
}
