using System.Text.RegularExpressions;

namespace AwsMcpTyped.Policy;

/// <summary>A shell-style wildcard pattern: <c>*</c> any run of characters, <c>?</c> one character; case-insensitive.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        HasWildcard = pattern.AsSpan().IndexOfAny('*', '?') >= 0;
        _regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public string Pattern { get; }

    public bool HasWildcard { get; }

    public bool IsMatch(string value) => _regex.IsMatch(value);

    public override string ToString() => Pattern;
}
