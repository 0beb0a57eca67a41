namespace AwsMcpTyped.Execution.Effects;

/// <summary>The words a statement uses as code, and whether it could be read at all.</summary>
/// <param name="Words">Every word outside strings, comments and quoted identifiers (keywords, names, functions).</param>
/// <param name="Unknown">True when no engine's lexing of the text terminates: we cannot tell what it does.</param>
internal sealed record StatementScan(IReadOnlySet<string> Words, bool Unknown);

/// <summary>
/// Finds every keyword of a SQL or PartiQL text that an engine would read as code, not only the first: a
/// data-modifying CTE (<c>WITH d AS (DELETE …) SELECT …</c>), a second statement (<c>SELECT 1; DROP TABLE t</c>),
/// <c>MERGE … THEN DELETE</c>, <c>ALTER TABLE … DROP</c>, <c>EXPLAIN ANALYZE DELETE</c>.
/// <para>
/// The danger is only in what the scanner skips (strings, comments, quoted identifiers, dollar-quoted bodies): a quote
/// that one engine ends and another does not can hide a statement from one reading. The engines behind these commands
/// disagree (Aurora MySQL and PostgreSQL, Redshift, Athena's Trino and Hive, DynamoDB PartiQL), so the text is lexed
/// under every combination of the four rules on which they differ and the words of all readings are united:
/// backslash escapes in quoted strings (MySQL, Hive, Postgres <c>E'…'</c> and standard_conforming_strings=off), nested
/// block comments (Postgres), dollar quoting (Postgres, Redshift), and MySQL's comments (<c>#</c>, <c>-- </c> only
/// before a space, <c>/*! … */</c> being code). A reading that does not terminate (an unterminated string) is one
/// the engine would reject, so it contributes the words before the failure; when no reading terminates the text is
/// unknown. Keywords cannot be spelled with escapes or comments inside them in any of these engines
/// (<c>DE/**/LETE</c> is two words), so looking at whole words outside skipped text is complete.
/// </para>
/// </summary>
internal static class StatementScanner
{
    [Flags]
    private enum Lexing
    {
        Standard = 0,
        BackslashEscapes = 1,
        NestedComments = 2,
        DollarQuotes = 4,
        MySqlComments = 8,
        All = 15,
    }

    /// <summary>Scans <paramref name="text"/> under every lexing and unites the words.</summary>
    public static StatementScan Scan(string text)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var anyTerminated = false;
        for (var lexing = Lexing.Standard; lexing <= Lexing.All; lexing++)
            anyTerminated |= ScanOne(text, lexing, words);
        return new StatementScan(words, !anyTerminated);
    }

    /// <summary>Splits a text into words with no regard for quotes or comments: for shorthand, where the statement is
    /// wrapped in the CLI's own quoting, so every word anywhere counts (over-strict on purpose).</summary>
    public static IReadOnlySet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < text.Length;)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            words.Add(text[start..i]);
        }
        return words;
    }

    private static bool ScanOne(string s, Lexing lexing, HashSet<string> words)
    {
        var mySql = (lexing & Lexing.MySqlComments) != 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (IsWordChar(c))
            {
                var start = i;
                while (i < s.Length && IsWordChar(s[i]))
                    i++;
                words.Add(s[start..i]);
            }
            else if (c is '\'' or '"')
            {
                if (!SkipQuoted(s, ref i, (lexing & Lexing.BackslashEscapes) != 0))
                    return false;
            }
            else if (c == '`')
            {
                // Backticks: MySQL/Hive identifiers, PartiQL Ion literals; no backslash escapes in any of them.
                if (!SkipQuoted(s, ref i, backslash: false))
                    return false;
            }
            else if (c == '-' && next == '-' && (!mySql || i + 2 >= s.Length || char.IsWhiteSpace(s[i + 2]) || char.IsControl(s[i + 2])))
                SkipLine(s, ref i);
            else if (c == '#' && mySql)
                SkipLine(s, ref i);
            else if (c == '/' && next == '*')
            {
                if (mySql && i + 2 < s.Length && s[i + 2] == '!')
                    i += 3; // MySQL runs /*! … */ as code: read on, the closing */ is punctuation.
                else if (!SkipBlockComment(s, ref i, (lexing & Lexing.NestedComments) != 0))
                    return false;
            }
            else if (c == '$' && (lexing & Lexing.DollarQuotes) != 0 && (i == 0 || !IsIdentifierChar(s[i - 1])))
            {
                if (!SkipDollarQuoted(s, ref i))
                    return false;
            }
            else
                i++;
        }
        return true;
    }

    /// <summary>From an opening quote to past its closing one; a doubled quote is an escape (and reads the same as
    /// closing and reopening, so it needs no variant).</summary>
    private static bool SkipQuoted(string s, ref int i, bool backslash)
    {
        var quote = s[i];
        for (var j = i + 1; j < s.Length; j++)
        {
            if (backslash && s[j] == '\\')
                j++;
            else if (s[j] == quote)
            {
                if (j + 1 < s.Length && s[j + 1] == quote)
                    j++;
                else
                {
                    i = j + 1;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>A line comment ends at the first line break any engine knows, so we never skip more than one does.</summary>
    private static void SkipLine(string s, ref int i)
    {
        while (i < s.Length && s[i] is not ('\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029'))
            i++;
    }

    private static bool SkipBlockComment(string s, ref int i, bool nested)
    {
        var depth = 0;
        for (var j = i; j + 1 < s.Length; j++)
        {
            if (s[j] == '/' && s[j + 1] == '*' && (nested || depth == 0))
            {
                depth++;
                j++;
            }
            else if (s[j] == '*' && s[j + 1] == '/')
            {
                depth--;
                j++;
                if (depth == 0)
                {
                    i = j + 1;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Postgres <c>$tag$ … $tag$</c>; a <c>$</c> that does not open a tag (<c>$1</c>, a lone <c>$</c>) is
    /// punctuation.</summary>
    private static bool SkipDollarQuoted(string s, ref int i)
    {
        var j = i + 1;
        while (j < s.Length && (s[j] == '_' || char.IsAsciiLetter(s[j]) || s[j] >= '\u0080' || (j > i + 1 && char.IsAsciiDigit(s[j]))))
            j++;
        if (j >= s.Length || s[j] != '$')
        {
            i++;
            return true;
        }
        var tag = s[i..(j + 1)];
        var end = s.IndexOf(tag, j + 1, StringComparison.Ordinal);
        if (end < 0)
            return false;
        i = end + tag.Length;
        return true;
    }

    /// <summary>Word characters for keyword matching: ASCII letters, digits, underscore and non-ASCII letters or digits.
    /// Anything else separates words, so a character some engine might read as a space never joins two words.</summary>
    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= '\u0080' && char.IsLetterOrDigit(c));

    /// <summary>Characters that continue a Postgres identifier, after which <c>$</c> is part of the name.</summary>
    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c >= '\u0080';
}
