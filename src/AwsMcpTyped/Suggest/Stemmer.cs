namespace AwsMcpTyped.Suggest;

/// <summary>
/// A light English suffix stemmer: plural -s/-es/-ies, -ing, -ed and a final -e, so that "instances" and
/// "instance", "running" and "run", "created" and "create", "caches" and "cache" meet. Short words
/// (AWS acronyms: ecs, rds, sns, sts, dns) are left alone.
/// </summary>
internal static class Stemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
            return word;
        var stem = Plural(word);
        stem = Suffix(stem, "ing") ?? Suffix(stem, "ed") ?? stem;
        if (stem.Length > 4 && stem[^1] == 'e')
            stem = stem[..^1];
        return stem;
    }

    private static string Plural(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
            return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal))
            return word[..^2];
        if (word.EndsWith("ses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("zes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
            || word.EndsWith("shes", StringComparison.Ordinal))
            return word[..^2];
        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }

    /// <summary>Removes <paramref name="suffix"/> when at least three letters with a vowel remain; undoubles
    /// a final consonant (running → run).</summary>
    private static string? Suffix(string word, string suffix)
    {
        if (!word.EndsWith(suffix, StringComparison.Ordinal))
            return null;
        var stem = word[..^suffix.Length];
        if (stem.Length < 3 || stem.IndexOfAny(Vowels) < 0)
            return null;
        if (stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') && !Vowels.Contains(stem[^1]))
            stem = stem[..^1];
        return stem;
    }

    private static readonly char[] Vowels = ['a', 'e', 'i', 'o', 'u', 'y'];
}
