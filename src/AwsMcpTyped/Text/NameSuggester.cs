namespace AwsMcpTyped.Text;

/// <summary>"Did you mean": the known names closest to a mistyped one (edit distance, with prefix and
/// substring matches ranked first).</summary>
public static class NameSuggester
{
    public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> candidates, int count = 5)
    {
        var needle = input.Trim().ToLowerInvariant();
        if (needle.Length == 0)
            return [];
        var budget = Math.Max(2, needle.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Score: Score(needle, candidate.ToLowerInvariant())))
            .Where(x => x.Score <= budget || x.Score < 0)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Candidate.Length)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>" Did you mean: a, b?" for error messages, or "" when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var nearest = Nearest(input, candidates);
        return nearest.Count == 0 ? "" : " Did you mean: " + string.Join(", ", nearest) + "?";
    }

    /// <summary>Negative for containment (stronger when the candidate is short), else the edit distance.</summary>
    private static int Score(string needle, string candidate)
    {
        if (candidate.StartsWith(needle, StringComparison.Ordinal) || (needle.Length >= 3 && candidate.Contains(needle, StringComparison.Ordinal)))
            return -1000 + candidate.Length;
        return Distance(needle, candidate);
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
