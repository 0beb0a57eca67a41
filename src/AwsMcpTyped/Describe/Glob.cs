namespace AwsMcpTyped.Describe;

/// <summary>Minimal glob matching (<c>*</c> and <c>?</c>) for narrowing command lists.</summary>
internal static class Glob
{
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    public static bool IsMatch(string pattern, string text) => Match(pattern.AsSpan(), text.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                pattern = pattern[1..];
                for (var i = 0; i <= text.Length; i++)
                {
                    if (Match(pattern, text[i..]))
                        return true;
                }
                return false;
            }
            if (text.Length == 0 || (pattern[0] != '?' && char.ToLowerInvariant(pattern[0]) != char.ToLowerInvariant(text[0])))
                return false;
            pattern = pattern[1..];
            text = text[1..];
        }
        return text.Length == 0;
    }
}
