namespace AwsMcpTyped.Suggest;

/// <summary>
/// Turns text into index terms: splits on anything that is not a letter or digit, splits camel case
/// (<c>DescribeDBInstances</c> → describe, db, instances, keeping the whole word too), lowercases,
/// drops stop words and applies a light suffix stemmer, the same way for documents and queries.
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>The terms of <paramref name="text"/> (stop words dropped, duplicates kept).</summary>
    public static List<string> Terms(string? text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text))
        {
            if (!StopWords.Contains(word.Lower))
                terms.Add(Stemmer.Stem(word.Lower));
        }
        return terms;
    }

    /// <summary>Every word of <paramref name="text"/>, lowercased and stemmed, stop words included and marked
    /// (phrase matching of aliases such as "who am i" needs them).</summary>
    public static List<(string Term, bool IsStop)> Tokens(string? text)
    {
        var tokens = new List<(string, bool)>();
        foreach (var word in Words(text))
            tokens.Add((Stemmer.Stem(word.Lower), StopWords.Contains(word.Lower)));
        return tokens;
    }

    private static IEnumerable<(string Lower, bool Part)> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
            yield break;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
                start = i;
            else if (!isWordChar && start >= 0)
            {
                foreach (var word in SplitCamel(text.AsSpan(start, i - start)))
                    yield return word;
                start = -1;
            }
        }
    }

    /// <summary>The whole word, then its camel-case parts when there is more than one
    /// (<c>DynamoDB</c> → dynamodb, dynamo, db; <c>s3api</c> stays one word).</summary>
    private static List<(string, bool)> SplitCamel(ReadOnlySpan<char> word)
    {
        var result = new List<(string, bool)> { (word.ToString().ToLowerInvariant(), false) };
        if (word.Length > 40)
            return result;
        var parts = new List<string>();
        var begin = 0;
        for (var i = 1; i < word.Length; i++)
        {
            var boundary = (char.IsLower(word[i - 1]) && char.IsUpper(word[i]))
                || (char.IsUpper(word[i - 1]) && char.IsUpper(word[i]) && i + 1 < word.Length && char.IsLower(word[i + 1]));
            if (boundary)
            {
                parts.Add(word[begin..i].ToString().ToLowerInvariant());
                begin = i;
            }
        }
        if (parts.Count == 0)
            return result;
        parts.Add(word[begin..].ToString().ToLowerInvariant());
        foreach (var part in parts)
            result.Add((part, true));
        return result;
    }
}
