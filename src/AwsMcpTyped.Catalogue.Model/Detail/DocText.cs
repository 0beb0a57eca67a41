namespace AwsMcpTyped.Catalogue.Detail;

/// <summary>Helpers for the catalogue's documentation text (paragraphs separated by blank lines).</summary>
public static class DocText
{
    /// <summary>The first sentence of the first prose paragraph (skipping Note:/Warning: paragraphs), on one line,
    /// at most <paramref name="max"/> characters.</summary>
    public static string FirstSentence(string? text, int max = 100)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var paragraphs = text.Split("\n\n");
        var paragraph = (paragraphs.FirstOrDefault(p => !IsAdmonition(p)) ?? paragraphs[0]).Replace('\n', ' ').Trim();
        var end = SentenceEnd(paragraph);
        var sentence = end > 0 ? paragraph[..end] : paragraph;
        return sentence.Length <= max ? sentence : sentence[..(max - 1)].TrimEnd() + "…";
    }

    private static bool IsAdmonition(string paragraph) =>
        paragraph.StartsWith("Note: ", StringComparison.Ordinal) || paragraph.StartsWith("Warning: ", StringComparison.Ordinal);

    private static int SentenceEnd(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == '.' && text[i + 1] == ' ' && char.IsLower(text[i - 1]))
                return i + 1;
        }
        return text.EndsWith('.') ? text.Length : -1;
    }
}
