using System.Text;

namespace AwsMcpTyped.Catalogue.Schemas;

/// <summary>
/// botocore's <c>pattern</c> traits are Java-flavoured regexes; JSON Schema validators use ECMA-262 in Unicode mode,
/// which rejects identity escapes such as <c>\:</c> (seen in sts RoleSessionName). This keeps a pattern when it can be
/// expressed in ECMA-262 (dropping needless escapes) and drops it when it uses Java-only syntax.
/// </summary>
public static class EcmaPattern
{
    private const string Escapable = "^$\\.*+?()[]{}|/";
    private const string Classes = "dDwWsSbBnrtfv0cxupPk";
    private static readonly string[] JavaOnly =
        ["(?i", "(?s", "(?m", "(?x", "\\A", "\\Z", "\\z", "\\G", "\\Q", "\\E", "*+", "++", "?+", "}+", "(?>", "\\h", "\\R", "&&", "${", "^{", "(){", "\\x{", "\\0"];

    /// <summary>Unicode general categories, the only \p{…} names both flavours share.</summary>
    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
        "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    /// <summary>x{2}{3}: Java reads the second quantifier as applying to the group of the first; ECMA-262 (u) rejects it.</summary>
    private static bool QuantifiesTwice(string pattern)
    {
        for (var i = pattern.IndexOf("}{", StringComparison.Ordinal); i >= 0; i = pattern.IndexOf("}{", i + 1, StringComparison.Ordinal))
        {
            if (ClosesQuantifier(pattern, i) && IsQuantifier(pattern, i + 1))
                return true;
        }
        return false;
    }

    /// <summary>(?!x)+: a quantified lookaround, which Java allows and the u flag does not.</summary>
    private static bool QuantifiesLookaround(string pattern)
    {
        foreach (var start in new[] { "(?!", "(?=", "(?<!", "(?<=" })
        {
            for (var i = pattern.IndexOf(start, StringComparison.Ordinal); i >= 0; i = pattern.IndexOf(start, i + 1, StringComparison.Ordinal))
            {
                var close = pattern.IndexOf(')', i);
                if (close >= 0 && close + 1 < pattern.Length && pattern[close + 1] is '+' or '*' or '?' or '{')
                    return true;
            }
        }
        return false;
    }

    /// <summary>{n}, {n,} or {n,m} starting at <paramref name="index"/>.</summary>
    private static bool IsQuantifier(string pattern, int index)
    {
        var close = pattern.IndexOf('}', index);
        if (close < 0)
            return false;
        var body = pattern[(index + 1)..close];
        var parts = body.Split(',');
        return parts.Length is 1 or 2 && parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit) && (parts.Length == 1 || parts[1].All(char.IsAsciiDigit));
    }

    private static bool ClosesQuantifier(string pattern, int index)
    {
        var open = pattern.LastIndexOf('{', index);
        return open >= 0 && IsQuantifier(pattern, open) && pattern.IndexOf('}', open) == index;
    }

    private static bool NextIsClassEscape(string pattern, int index) =>
        index + 1 < pattern.Length && pattern[index] == '\\' && "dDwWsSpP".Contains(pattern[index + 1]);

    public static string? Convert(string pattern)
    {
        if (JavaOnly.Any(pattern.Contains) || QuantifiesTwice(pattern) || QuantifiesLookaround(pattern))
            return null;
        var text = new StringBuilder(pattern.Length);
        var inClass = false;
        var afterClassEscape = false; // in a class, "-" next to \w or \p{…} is a literal, which the u flag wants escaped
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                var isClassEscape = "dDwWsSpP".Contains(next);
                if (Escapable.Contains(next) || Classes.Contains(next) || (inClass && next == '-') || char.IsAsciiDigit(next))
                    text.Append('\\').Append(next);
                else if (char.IsAsciiLetter(next))
                    return null; // a Java class escape ECMA-262 does not know
                else
                    text.Append(next); // needless escape of a literal character
                if (next is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{')
                {
                    var close = pattern.IndexOf('}', i);
                    if (close < 0 || !Categories.Contains(pattern[(i + 2)..close]))
                        return null; // Java's POSIX-style names (Alnum, Punct, …) have no ECMA-262 equivalent
                    text.Append(pattern, i + 1, close - i);
                    i = close;
                }
                afterClassEscape = inClass && isClassEscape;
                continue;
            }
            if (inClass && c == '-' && (afterClassEscape || NextIsClassEscape(pattern, i + 1)))
            {
                text.Append("\\-");
                afterClassEscape = false;
                continue;
            }
            afterClassEscape = false;
            if (!inClass && c == '{' && !IsQuantifier(pattern, i))
            {
                text.Append("\\{"); // a literal brace: the u flag wants it escaped
                continue;
            }
            if (!inClass && c == '}' && !ClosesQuantifier(pattern, i))
            {
                text.Append("\\}");
                continue;
            }
            if (c == '[' && !inClass)
                inClass = true;
            else if (c == ']' && inClass)
                inClass = false;
            text.Append(c);
        }
        return text.ToString();
    }
}
