namespace AwsMcpTyped.Suggest;

/// <summary>
/// Scores every command for one request: BM25F over the request's terms (plus the vocabulary's added terms at a
/// lower weight), then, for commands that matched, additive priors: a service the request names (more) or alludes to,
/// a verb the request's intent prefers, an AWS CLI example, a short name; commands an alias names outright are
/// always proposed.
/// </summary>
internal sealed class QueryRanker(SuggestIndex index)
{
    public const double AddedTermWeight = 0.5;
    public const double ServiceBoost = 3.0;
    public const double NamedServiceBoost = 5.0;
    public const double VerbBoost = 2.0;
    public const double AliasCommandBoost = 8.0;
    public const double HasExampleBoost = 2.0;
    public const double NamePartPenalty = 0.5;
    public const double DeprecatedPenalty = 3.0;
    public const double NameCoverageBoost = 4.0;

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
        var namedServices = new HashSet<string>(StringComparer.Ordinal);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        var commands = new HashSet<int>();
        foreach (var term in terms.Keys)
        {
            if (index.ServiceByTerm.TryGetValue(term, out var service))
                namedServices.Add(service);
            if (index.Vocabulary.VerbIntents.TryGetValue(term, out var preferred))
                verbs.UnionWith(preferred);
        }
        var stems = tokens.Select(t => t.Term).ToArray();
        var content = tokens.Where(t => !t.IsStop).Select(t => t.Term).ToArray();
        foreach (var alias in index.Vocabulary.Aliases)
        {
            if (!ContainsPhrase(stems, alias.Phrase) && !ContainsPhrase(content, alias.Phrase))
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
            if (namedServices.Contains(document.Service))
                score += NamedServiceBoost;
            else if (services.Contains(document.Service))
                score += ServiceBoost;
            if (verbs.Contains(document.Verb))
                score += VerbBoost;
            if (document.HasExample)
                score += HasExampleBoost;
            if (document.Deprecated)
                score -= DeprecatedPenalty;
            score -= NamePartPenalty * document.NameParts;
            score += NameCoverageBoost * NameCoverage(document, terms, verbs);
            ranked.Add((d, score));
        }
        return ranked
            .OrderByDescending(r => r.Score)
            .ThenBy(r => index.Documents[r.Document].Key, StringComparer.Ordinal)
            .Take(count)
            .Select(r => (index.Documents[r.Document], Math.Round(r.Score, 4)))
            .ToList();
    }

    /// <summary>The share of the command name's words the request says (its verb counts when the request's intent
    /// prefers it): "list my buckets" covers list-buckets, not list-bucket-analytics-configurations.</summary>
    private static double NameCoverage(SuggestDocument document, Dictionary<string, double> terms, HashSet<string> verbs)
    {
        var covered = 0;
        foreach (var term in document.NameTerms)
        {
            if (terms.ContainsKey(term) || verbs.Contains(term))
                covered++;
        }
        return document.NameTerms.Length == 0 ? 0 : (double)covered / document.NameTerms.Length;
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
