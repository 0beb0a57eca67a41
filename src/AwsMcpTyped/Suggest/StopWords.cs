using System.Collections.Frozen;

namespace AwsMcpTyped.Suggest;

/// <summary>Words that carry no intent in a request or a command's documentation.</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "all", "am", "an", "and", "any", "are", "as", "at", "aws", "amazon", "be", "by", "can", "cli",
        "could", "currently", "do", "does", "for", "from", "have", "how", "i", "i'm", "im", "in", "into", "is", "it",
        "its", "me", "mine", "my", "of", "on", "onto", "or", "our", "please", "should", "so", "some", "that", "the",
        "their", "them", "then", "there", "these", "this", "those", "to", "up", "us", "using", "via", "want", "was",
        "we", "were", "will", "with", "would", "you", "your", "specified", "specify", "command", "following", "example",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);
}
